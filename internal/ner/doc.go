// Package ner finds the names of people, organisations, places and other
// named things (the CoNLL-2003 classes PER, ORG, LOC and MISC) in English
// news text.
//
// No library a Go user can install does this well: prose's tagger scores
// 44.7 F1 on the CoNLL-2003 test split. So the tagger is our own, trained
// by `storyline train ner` on CoNLL-2003 eng.train and embedded in the
// binary (model/ner.model.gz), so users never train.
//
// # The model
//
// A structured averaged perceptron (Collins 2002) over BILOU labels (17:
// O and B-, I-, L-, U- of each type), decoded per sentence with exact
// first-order Viterbi under the BILOU constraints. Weights are averaged
// with the w − u/c identity, kept as integers while training, and stored
// as float32 rows, one per feature, for the labels with a non-zero weight.
// Features are hashed with xxh3 (template byte + value) into an
// open-addressing table that holds only features the training updated.
//
// Features of each token:
//   - the word (lower-cased, digits as 0) and its spelling, prefixes of 1–3
//     and suffixes of 1–4 letters, the collapsed shape (Xx, X.X., d-d);
//   - the words at ±1 and ±2, the bigrams with either neighbour, the
//     neighbours' shapes and spellings with this token's shape;
//   - flags: sentence-initial, ALL-CAPS sentence, table row (≥ 40% numeric
//     tokens), sentence length class; dictionary flags (lower-case common
//     word, capitalised proper noun) from the word lists;
//   - gazetteers: the token's B/I/L/U place in the longest match of each
//     list (countries, regions, cities, large cities, demonyms, languages,
//     first names, person names), and the neighbours' matches;
//   - word clusters: the class of the word and its neighbours, from 256
//     classes induced by the exchange algorithm (the class-bigram objective
//     of Brown clustering) on the plain text under ../shared/data plus the
//     training text;
//   - document features: the topic word of a "SOCCER - ..." headline; for a
//     capitalised word, where it sits in longer capitalised runs elsewhere
//     in the document ("Blinker" after "Reggie Blinker"), whether the
//     document also writes it in lower case, its usual spelling there, and
//     the words around its other occurrences (context aggregation, after
//     Chieu & Ng 2002);
//   - prediction history (Ratinov & Roth 2009): the type the tagger gave
//     this word most often in the sentences decoded before. Mixed-case
//     sentences are decoded first, ALL-CAPS headlines last, so headlines
//     draw on the body;
//   - the previous label (Viterbi transitions).
//
// ALL-CAPS sentences get their case restored before features are computed
// (Mikheev 1999): the word's usual spelling in the same document, else in
// the training text, else the word lists' spelling, else title case.
//
// Train can also build a second stage (Krishnan & Manning 2006) on the
// first stage's labels of the same word and phrase across the document,
// trained on 10-fold jackknifed first-stage output; it is kept only when
// it wins on dev. A post-pass making entity strings take their document
// majority type exists too but is off: it lost on dev.
//
// # Speed
//
// Tagging computes exactly the features and scores described above, but
// each goroutine's decoder caches, per distinct token string, what the
// features derive from it and the weight rows of the features that
// depend on it alone (featcache.go); Read packs the weights into sparse
// or whole rows behind a key filter (packed.go), rows are summed four
// labels at a time with SSE on amd64 (the same float32 additions in the
// same order), and the Viterbi step follows the BILOU structure. Tags are
// bit-identical to the plain computation; docs/ner.md has the figures
// and the checks.
//
// # Mentions
//
// Mentions turns the IOB2 tags of text.Split sentences into byte spans:
// titles ("President", "Prime Minister", "Mr.", "spokesman") are kept out
// of person names, and possessive endings and punctuation are trimmed
// ("Russia's" → "Russia"). Figures, commands and sources are in
// docs/ner.md; the gazetteers' sources and licences in lists/README.md.
package ner
