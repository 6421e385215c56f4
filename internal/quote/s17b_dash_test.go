package quote

import "testing"

// TestIsDashFirstByte checks isDash, which turns tokens down by their
// first byte, against the plain comparisons, on dashes, their prefixes
// and extensions, other marks sharing their first bytes, and words.
func TestIsDashFirstByte(t *testing.T) {
	ref := func(x string) bool { return x == "-" || x == "–" || x == "—" || x == "―" || x == "--" }
	for _, x := range []string{"", "-", "--", "---", "-x", "–", "—", "―", "‐", "‑", "‒", "“", "”", "’", "…", "\xe2", "\xe2\x80",
		"–-", "—-", "a", "said", "Mr.", ",", ".", "\xff", "a-b"} {
		if got, want := isDash(x), ref(x); got != want {
			t.Errorf("isDash(%q) = %v, want %v", x, got, want)
		}
	}
}
