// Package quote finds who said what in one report: quotations in quote
// marks, partial quotes and indirect reported speech, each with its cue,
// the phrase that names its speaker, and that speaker resolved inside the
// report (names, pronouns, titles and descriptions); and it groups the
// same statement carried by several reports.
//
// It is written by hand because no Go library does this (the NLP
// libraries on the module proxy stop at tokens, tags and entities), and
// the tools elsewhere either handle direct quotes only, match quotes
// across outlets only verbatim, or attribute no indirect speech. The
// extractor is a rule cascade over the tokens of internal/text, driven by
// a cue lexicon trained on PolNeAR (cues.tsv, see TrainCues and
// `storyline train cues`); docs/quotes.md describes the rules, the scoring and the
// figures.
//
// Extract is safe for concurrent use: it keeps per-call state only (the
// lexicon and word tables are read-only after their first load; scratch
// buffers come from a sync.Pool).
package quote
