// Package text splits cleaned English news text into sentences and tokens,
// each carrying byte offsets into the text it came from.
//
// It is written by hand because the splitters a Go user can install
// (prose, neurosnap/sentences) either rewrite the text, lose offsets, or
// break news copy on abbreviations such as "U.S.", "Gen." and "Feb.", on
// quotes that close after the full stop, and on copy that arrives as one
// long line with a full stop missing between two sentences. The rules here
// are small, deterministic and fast (no allocation per byte, one pass).
package text
