// Package storyline holds the records that every stage of the storyline
// pipeline produces and consumes: reports, mentions, actors, quotes,
// temporal expressions, positions, events and stories, and the byte Span
// that ties each annotation to the cleaned text of its report.
//
// The package does no I/O and depends on nothing but the standard library,
// so that analysis packages, stores and servers can all share it.
package storyline
