// Package story groups a stream of reports, one at a time, into events
// (one happening: the same days, actors and place) inside stories (a topic
// that develops over weeks).
//
// It is an online, single-pass clusterer in the manner of topic detection
// and tracking (Allan, Papka & Lavrenko 1998) and Miranda et al. (2018):
// every cluster keeps a summed term vector over two channels (content
// words and names), a new report is compared only with the clusters an
// inverted index of its rarest terms and names returns (a bounded number,
// never every cluster), and it joins the best one above a threshold or
// starts its own. Time, when known, lowers the score of clusters whose
// newest report lies far away; reports without a date are compared on
// content alone. No Go library does incremental news clustering, so it is
// written here; it depends only on the standard library and the root
// records.
//
// A Clusterer is deterministic: the same reports in the same order give
// the same events and stories. It is not safe for concurrent use.
package story
