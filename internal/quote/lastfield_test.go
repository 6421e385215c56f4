package quote

import (
	"strings"
	"testing"
)

func TestLastField(t *testing.T) {
	for _, s := range []string{"", " ", "Putin", " Vladimir  Putin ", "a\u00a0b", "x\xffy z", "\u2003Mr.\tSmith\n", "ab  "} {
		t.Run(s, func(t *testing.T) {
			f := strings.Fields(s)
			last, many := lastField(s)
			want := ""
			if len(f) > 0 {
				want = f[len(f)-1]
			}
			if last != want || many != (len(f) > 1) {
				t.Errorf("lastField(%q) = %q, %v; want %q, %v", s, last, many, want, len(f) > 1)
			}
		})
	}
}

func TestAllCapsNoAlloc(t *testing.T) {
	for _, s := range []string{"", "NATO", "HOW CHINA AFFECTS", "How China", "A\xffB C", "ÉTÉ ÀÀ", "ǅ X"} {
		t.Run(s, func(t *testing.T) {
			want := strings.ToUpper(s) == s && countWords(s, 2) >= 2
			if got := allCaps(s); got != want {
				t.Errorf("allCaps(%q) = %v, want %v", s, got, want)
			}
		})
	}
}
