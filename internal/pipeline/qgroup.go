package pipeline

import (
	"slices"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"

	"storyline/internal/quote"
)

// maxBucket is the largest set of quotes one blocking key may join: a key
// shared by more is too common to be evidence of one statement.
const maxBucket = 40

// maxCandidates is the most earlier quotes one quote is compared with.
const maxCandidates = 64

// groupQuotes assigns a group index to every item, as quote.Group does,
// but compares only quotes that could carry the same statement: those
// that share a pair of neighbouring content words (quote.StatementPairs:
// the evidence quote.Group requires anyway) with a compatible speaker,
// found through an index of those pairs, and at most maxCandidates of
// them per quote. Each
// candidate pair is decided by quote's rules and linked pairs are joined,
// so the cost grows with the number of quotes, not its square.
func groupQuotes(items []quote.GroupItem) []int {
	// Quotes with a known speaker meet in buckets of (speaker, pair);
	// quotes with none meet every quote sharing the pair.
	type speakerPair struct{ speaker, pair uint64 }
	known := map[speakerPair][]int{}
	anyone := map[uint64][]int{}
	unknown := map[uint64][]int{}
	for i, it := range items {
		sk := speakerKey(it.Speaker)
		skh := xxh3.HashString(sk)
		for _, p := range quote.StatementPairs(it.Text) {
			anyone[p] = append(anyone[p], i)
			if sk == "" {
				unknown[p] = append(unknown[p], i)
			} else {
				known[speakerPair{skh, p}] = append(known[speakerPair{skh, p}], i)
			}
		}
	}
	// Each quote is compared with at most maxCandidates earlier quotes
	// that share a bucket with it; quote.GroupCandidates links the pairs
	// that carry one statement, and linked quotes form a group.
	cands := make([][]int, len(items))
	add := func(ids []int) {
		if len(ids) < 2 || len(ids) > maxBucket {
			return
		}
		for k, i := range ids {
			for _, j := range ids[:k] {
				if len(cands[i]) < maxCandidates {
					cands[i] = append(cands[i], j)
				}
			}
		}
	}
	for _, ids := range known {
		add(ids)
	}
	for p, ids := range unknown {
		if all := anyone[p]; len(all) <= maxBucket {
			add(all)
		} else {
			add(ids)
		}
	}
	for i := range cands {
		slices.Sort(cands[i])
		cands[i] = slices.Compact(cands[i])
	}
	return quote.GroupCandidates(items, cands)
}

// speakerKey folds a speaker's surname so that spellings of one name
// meet: lower case, letters only, doubled letters and a final y/i folded.
func speakerKey(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	var b strings.Builder
	var last rune
	for _, r := range strings.ToLower(f[len(f)-1]) {
		if !unicode.IsLetter(r) || r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return strings.TrimRight(b.String(), "yi")
}
