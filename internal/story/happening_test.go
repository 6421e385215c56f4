package story

import (
	"testing"
	"unicode/utf8"
)

func TestHappeningWeekday(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              int8
	}{
		{"title first", "Ahead of Friday's meeting", "Officials met on Monday.", 5},
		{"lead", "", "The head of NATO on Friday called for guarantees.", 5},
		{"possessive", "", "During Thursday’s meeting, he spoke.", 4},
		{"other week skipped", "", "After the summit last Friday, talks resumed on Monday.", 1},
		{"a date it takes effect is not the happening's", "", "The strait is closed for two weeks from Wednesday, March 4, he said in an address on Monday evening.", 1},
		{"none", "", "Talks resumed after the holiday.", -1},
		{"lower case is no weekday name", "", "a monday-morning feeling", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := happeningWeekday(tc.title, tc.text); got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
		})
	}
}

func TestQuoteShingles(t *testing.T) {
	a := quoteShingles(`Zelenskyy said: "This is hard, because guarantees consist of what our partners can give Ukraine, as well as what the army should be like."`)
	b := quoteShingles(`Zelensky said “the guarantees consist of what partners can give Ukraine, as well as what the army in Ukraine should be like” once the war ends.`)
	c := quoteShingles(`Trump said "we will help, we will be involved" in security guarantees for Ukraine.`)
	tests := []struct {
		name            string
		x, y            []uint32
		atLeast, atMost int
	}{
		{"same statement", a, b, minSharedQuote, 1 << 30},
		{"other statement", a, c, 0, minSharedQuote - 1},
		{"words outside quotes do not count", quoteShingles("security guarantees for Ukraine and more words here"), quoteShingles("security guarantees for Ukraine and more words here"), 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if n := sharedQuotes(tc.x, tc.y); n < tc.atLeast || n > tc.atMost {
				t.Errorf("%d shared, want %d..%d", n, tc.atLeast, tc.atMost)
			}
		})
	}
}

func FuzzHappening(f *testing.F) {
	f.Add("On Friday’s visit", `He said "a b c d e" and “f g h i j” then "open`)
	f.Add("", "\"\"\n“”")
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(text) {
			return
		}
		if d := happeningWeekday(title, text); d < -1 || d > 6 {
			t.Fatalf("weekday %d", d)
		}
		q := quoteShingles(text)
		if len(q) > maxQuoteShingles {
			t.Fatalf("%d shingles", len(q))
		}
		for i := 1; i < len(q); i++ {
			if q[i] <= q[i-1] {
				t.Fatal("shingles not sorted and distinct")
			}
		}
		if sharedQuotes(q, q) != len(q) {
			t.Fatal("a report does not share all its quotes with itself")
		}
	})
}

// An event or story whose first report has no title takes the title of
// the next report that has one.
func TestTitleOfFirstTitledReport(t *testing.T) {
	words := "harbour strike dockers walkout Rotterdam port union wages container ships idle"
	c := NewClusterer()
	c.Add(Doc{ID: "a", Text: words + " on Monday"})
	c.Add(Doc{ID: "b", Title: "Dockers strike in Rotterdam", Text: words + " on Monday"})
	evs, sts := c.Events(), c.Stories()
	if len(evs) != 1 || len(sts) != 1 {
		t.Fatalf("%d events, %d stories, want one each", len(evs), len(sts))
	}
	for _, title := range []string{evs[0].Title, sts[0].Title} {
		if title != "Dockers strike in Rotterdam" {
			t.Errorf("title %q, want the second report's", title)
		}
	}
}
