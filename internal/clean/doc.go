// Package clean turns the main text of a news page or file into the text
// storyline stores: the article kept, page noise dropped (agency sign-offs
// and bylines glued to the end, lone navigation words, share and subscribe
// lines, date and timestamp header lines), and its metadata found (title,
// byline, published date).
//
// Cleaning works on whole lines and on the very ends of lines: it removes
// lines and trims white space, stamps and sign-offs off their ends, and
// joins a hard-wrapped line to the next when a sentence clearly runs on,
// but it never alters a word or a quote character inside what it keeps.
// Every later offset indexes into the text it returns.
//
// It is hand-written because page noise in news copy is specific to the
// trade (wire sign-offs such as "T.Cortez--RTC", "(Reporting by ...)",
// dateline stamps such as "Feb. 27, 2025 09:59 AM ET"): HTML extractors
// such as go-trafilatura remove the page around an article, not the noise
// that survives inside its text.
package clean
