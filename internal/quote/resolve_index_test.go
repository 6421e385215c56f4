package quote

import (
	"math/rand/v2"
	"testing"
)

// TestSurnameIndex checks resolver.byLast against a scan of the persons:
// for every key, the chain from withLast holds the persons with that last
// in the order they came, whether the table was sized beforehand or grew.
func TestSurnameIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 16, 1024} {
		for round := 0; round < 20; round++ {
			rs := &resolver{byLast: make([]int32, size)}
			n := r.IntN(300)
			for k := 0; k < n; k++ {
				last := string(rune('a'+r.IntN(3))) + string(rune('a'+r.IntN(1+k%26)))
				if size == 1024 && len(rs.persons) >= 512 {
					break
				}
				rs.persons = append(rs.persons, &person{last: last, hash: lastHash([]byte(last))})
				rs.link(len(rs.persons) - 1)
			}
			keys := map[string]bool{"zz": true, "": true}
			for _, p := range rs.persons {
				keys[p.last] = true
			}
			for key := range keys {
				var want, got []*person
				for _, p := range rs.persons {
					if p.last == key {
						want = append(want, p)
					}
				}
				for k := rs.withLast([]byte(key), lastHash([]byte(key))); k >= 0; k = int(rs.persons[k].next) {
					got = append(got, rs.persons[k])
				}
				if len(got) != len(want) {
					t.Fatalf("size %d: %d persons with last %q, want %d", size, len(got), key, len(want))
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("size %d: persons with last %q out of order", size, key)
					}
				}
			}
		}
	}
}
