// Package workforce holds the rota coordinator's rules as pure functions
// (rules.md 4.1, 4.2, 3.5, 4.4): the hours and programmed activities of a
// consultant job plan, sessions delivered against the plan, the working
// days a leave request takes, leave entitlements and balances, notice, and
// how many of a team may be away at once.
//
// Nothing here reads a clock, a database or the network: the store and
// the web pages pass in today, the sessions, the bank holidays (package
// calendar) and the trust's settings (Rules), and show what comes back.
package workforce
