// Package letter renders the letters a hospital booking office posts to
// patients (referral acknowledgements, appointments, changes and
// cancellations, partial booking invitations and reminders, did-not-attend
// and discharge letters) as PDF files ready to print and fold into a DL
// window envelope.
//
// Render and RenderCopies are pure: they read only the Letter and the time
// zone they are given (no clock, files, network or database), so the same
// letter always prints the same bytes and can be re-created for a complaint
// or an audit. They refuse, with an error naming the missing field, any
// letter that could not reach the patient or could be matched to the wrong
// record: no postal address, an address the patient asked us not to use, no
// NHS number, an appointment letter without a time.
//
// The PDF writer is written here by hand (ISO 32000-1) rather than taken
// from a module, because the house rule is the standard library first and a
// letter needs very little of PDF: text, the two standard fonts Helvetica and
// Helvetica-Bold (which every reader has, so nothing is embedded), and A4
// pages. Lines are wrapped with the fonts' published glyph widths, text is
// encoded as WinAnsi (Windows-1252), and content streams are left
// uncompressed so that tests can read what was printed.
package letter
