package clean

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"storyline/internal/text"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name                     string
		in                       string
		text, title, pub, byline string
	}{
		{
			name:  "sign-off on its own line",
			in:    "Talks resume in Selm\nThe talks resumed on Tuesday.\nT.Cortez--RTC",
			text:  "Talks resume in Selm\n\nThe talks resumed on Tuesday.",
			title: "Talks resume in Selm",
		},
		{
			name: "sign-off glued to the last line",
			in:   "The talks resumed on Tuesday. K.Marsh--NWA",
			text: "The talks resumed on Tuesday.",
		},
		{
			name: "reporting-by sign-off",
			in:   "The talks resumed.\n(Reporting by Ana Li; Editing by Tom Ng)",
			text: "The talks resumed.",
		},
		{
			name: "long reporting-by line",
			in:   "The talks resumed.\n(Reporting by Mira Castell in Port Aldric and Jonas Weller in Varnograd; Editing by Hugh Penrose)",
			text: "The talks resumed.",
		},
		{
			name: "subscribe sentence glued to the end",
			in:   "The talks resumed on Friday. Subscribe to the Daily for the latest updates",
			text: "The talks resumed on Friday.",
		},
		{
			name: "date in a bar-separated header inside one long line",
			in:   "Talks agreed Coastline Daily | Monday, March 9, 2026 Both sides agreed.",
			text: "Talks agreed Coastline Daily | Monday, March 9, 2026 Both sides agreed.",
			pub:  "2026-03-09",
		},
		{
			name: "agency line",
			in:   "The talks resumed.\n— AFP",
			text: "The talks resumed.",
		},
		{
			name: "lone navigation word at the end",
			in:   "The talks resumed.\nToday",
			text: "The talks resumed.",
		},
		{
			name: "navigation and share lines anywhere",
			in:   "Home\nThe talks resumed.\nShare this article\nAdvertisement\nThey ended at noon.\nSubscribe to our newsletter",
			text: "The talks resumed.\n\nThey ended at noon.",
		},
		{
			name: "date header glued to a deck",
			in:   " date 2025-02-27 ‘We will not yield,’ the minister says.\n\nMore text here.",
			text: "‘We will not yield,’ the minister says.\n\nMore text here.",
			pub:  "2025-02-27",
		},
		{
			name:  "timestamp glued to a headline",
			in:    "Minister Sets Terms Ahead of Friday Summit Feb. 27, 2025 09:59 AM ET\n\nThe minister spoke.",
			text:  "Minister Sets Terms Ahead of Friday Summit\n\nThe minister spoke.",
			title: "Minister Sets Terms Ahead of Friday Summit",
			pub:   "2025-02-27",
		},
		{
			name: "date alone on a line",
			in:   "March 4, 2026\nThe minister spoke.",
			text: "The minister spoke.",
			pub:  "2026-03-04",
		},
		{
			name:   "byline",
			in:     "Strait talks resume\nBy Lena Marsh\nThe minister spoke.",
			text:   "Strait talks resume\n\nThe minister spoke.",
			title:  "Strait talks resume",
			byline: "Lena Marsh",
		},
		{
			name: "sentence starting with By is kept",
			in:   "By Friday, the troops had left the port.",
			text: "By Friday, the troops had left the port.",
		},
		{
			name: "hard-wrapped lines are joined",
			in:   "The minister said the talks\nwould resume on Friday.",
			text: "The minister said the talks would resume on Friday.",
		},
		{
			name: "a long first line is no title",
			in:   "The minister said the talks would resume on Friday, and that both sides had agreed to keep the fishing fleets in port until then.\nMore.",
			text: "The minister said the talks would resume on Friday, and that both sides had agreed to keep the fishing fleets in port until then.\n\nMore.",
		},
		{
			name: "a date in a sentence is kept",
			in:   "The deal was signed on Feb. 27, 2025",
			text: "The deal was signed on Feb. 27, 2025",
		},
		{
			name: "last paragraph naming an agency is kept",
			in:   "The minister spoke.\nReuters reported that the minister had spoken to the council on Friday about the strait and the quotas.",
			text: "The minister spoke.\n\nReuters reported that the minister had spoken to the council on Friday about the strait and the quotas.",
		},
		{
			name: "CRLF",
			in:   "One.\r\nTwo.\r\n",
			text: "One.\n\nTwo.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got.Text != tt.text {
				t.Errorf("text\n got %q\nwant %q", got.Text, tt.text)
			}
			if got.Title != tt.title {
				t.Errorf("title: got %q, want %q", got.Title, tt.title)
			}
			if got.Published != tt.pub {
				t.Errorf("published: got %q, want %q", got.Published, tt.pub)
			}
			if got.Byline != tt.byline {
				t.Errorf("byline: got %q, want %q", got.Byline, tt.byline)
			}
		})
	}
}

func TestCleanNoisyFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "noisy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := Clean(string(b))
	want, err := os.ReadFile(filepath.Join("testdata", "noisy.golden"))
	if *update {
		os.WriteFile(filepath.Join("testdata", "noisy.golden"), []byte(got.Text+"\n"), 0o644)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.Text+"\n" != string(want) {
		t.Errorf("cleaned text differs from testdata/noisy.golden (run with -update to review the diff):\n%s", got.Text)
	}
	if got.Title != "Talks over the Kessel Strait resume under a cloud" || got.Published != "2026-03-04" || got.Byline != "Lena Marsh" {
		t.Errorf("metadata: %+v", got)
	}
}

var noiseEndings = []string{"Today", "--RTC", "Home", "Menu", "Share", "Subscribe", "Advertisement"}

// TestSeeds checks the real reports in ../shared/seeds: no agency sign-off
// or lone navigation word survives at the end, the date header becomes
// the published date, and sentence counts match a count made by hand.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds not present: real-report checks skipped")
	}
	tests := []struct {
		file      string
		sentences int
		title     string
		published string
	}{
		{"000_a531c5a8eb060f59.txt", 15, "", ""},
		{"001_a4e5bec81c731aa4.txt", 14, "sha256:5e13ab3758bcb19e", ""},
		{"002_5302ef9ff5af7681.txt", 20, "sha256:e1dd1f3e159e18f7", "2025-02-27"},
		{"003_a3fd21c625f423a6.txt", 35, "sha256:932743c376b2e430", ""},
		{"004_162ec9d7dd0c448a.txt", 18, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := Clean(string(b))
			for _, e := range noiseEndings {
				if strings.HasSuffix(got.Text, e) {
					t.Errorf("text still ends with %q", e)
				}
			}
			if n := len(text.Split(got.Text)); n != tt.sentences {
				t.Errorf("%d sentences, hand count %d", n, tt.sentences)
			}
			// Titles are pinned by hash: the seeds' words stay in ../shared.
			if title := titleKey(got.Title); title != tt.title {
				t.Errorf("title %q (%s), want %s", got.Title, title, tt.title)
			}
			if got.Published != tt.published {
				t.Errorf("published %q, want %q", got.Published, tt.published)
			}
			assertWordsKept(t, string(b), got.Text)
		})
	}
}

func titleKey(title string) string {
	if title == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(title))
	return "sha256:" + hex.EncodeToString(sum[:])[:16]
}

// assertWordsKept checks that every token of the cleaned text appears in
// the input in the same order: cleaning drops and trims, never rewrites.
func assertWordsKept(t *testing.T, in, out string) {
	t.Helper()
	pos := 0
	for _, tok := range text.Tokenize(out) {
		i := strings.Index(in[pos:], tok.Text)
		if i < 0 {
			t.Fatalf("token %q at %d of the cleaned text is not in the input after byte %d", tok.Text, tok.Start, pos)
		}
		pos += i + len(tok.Text)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Home\nTitle here\nBy Ann Lee\nText. T.X--AB", " date 2025-02-27 x\nFeb. 27, 2025 09:59 AM ET", "\r\n\u2028", "a\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Clean(s)
		if !utf8.ValidString(got.Text) || !utf8.ValidString(got.Title) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if got.Text != strings.TrimSpace(got.Text) {
			t.Fatalf("untrimmed text %q", got.Text)
		}
		if got.Title != "" && !strings.Contains(got.Text, got.Title) {
			t.Fatalf("title %q not in text %q", got.Title, got.Text)
		}
	})
}

// BenchmarkCleanSplit measures cleaning plus sentence splitting and
// tokenisation over the example reports (text files) in examples/.
func BenchmarkCleanSplit(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no examples/*.txt")
	}
	var docs []string
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			c := Clean(d)
			for _, s := range text.Split(c.Text) {
				_ = s
			}
		}
	}
}
