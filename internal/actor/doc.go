// Package actor resolves mentions of people, organisations and places
// across reports into actors: one actor per person, with every alias and
// the descriptors the reports teach ("Ukrainian President Volodymyr
// Zelenskyy" makes "the Ukrainian leader" him).
//
// The same name rules serve two callers: Resolver, which the ingest
// pipeline feeds one report at a time, and Cluster, which clusters the gold
// mentions of the ECB+ and MEANTIME corpora for evaluation (documents
// grouped into stories first, then a within-document sieve, then head and
// name matching with class compatibility across the documents of a group).
// The rules are hand-written (after Raghunathan et al. 2010 and Lee et al.
// 2013): no Go library resolves entities across documents, and rules are
// deterministic, fast and explainable to the analysts who check them.
package actor
