// Package access holds the booking office's access-policy rules as pure
// functions: whether an offered date was a reasonable offer, what a
// patient's declines add up to, which free slots make the earliest
// reasonable offers, and which patient a freed slot should go to.
//
// The rules come from rules.md 1.8.2 and 3.1 (reasonable offers), 3.8
// (clinical priority, then chronological order) and scenarios 6.4. They
// take values and return values; the store and the web pages call them and
// never re-implement them.
package access
