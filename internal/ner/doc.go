// Package ner finds person, organisation, place and other names (the
// CoNLL-2003 classes PER, ORG, LOC, MISC) in English news text.
//
// No Go or JavaScript library does this well (prose v2 scores 44.7 F1 on
// the CoNLL-2003 test split), so the tagger is our own: a two-stage
// averaged perceptron over hashed features, decoded greedily left to
// right with BILOU labels, trained by `storyline train ner` and embedded
// in the binary. The full description is in docs/ner.md.
package ner
