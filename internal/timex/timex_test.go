package timex

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"storyline"
)

// thursday is the DCT of most cases: Thursday 27 February 2025 (ISO week 9).
var thursday = time.Date(2025, 2, 27, 9, 59, 0, 0, time.UTC)

// one returns the single timex Extract finds in text, failing otherwise.
func one(t *testing.T, text string, dct time.Time) storyline.Timex {
	t.Helper()
	got := Extract(text, dct)
	if len(got) != 1 {
		t.Fatalf("Extract(%q) = %+v, want one timex", text, got)
	}
	return got[0]
}

func TestExtractValues(t *testing.T) {
	cases := []struct {
		name, text string
		dct        time.Time
		want       string // the expression's text
		typ        storyline.TimexType
		value      string
	}{
		// Calendar dates.
		{"full date", "It opened on Aug. 22, 2025 in Kyiv.", thursday, "Aug. 22, 2025", storyline.Date, "2025-08-22"},
		{"day month year", "Signed 22 August 2025.", thursday, "22 August 2025", storyline.Date, "2025-08-22"},
		{"weekday and date", "The vote on Friday, July 21, 2017 passed.", thursday, "Friday, July 21, 2017", storyline.Date, "2017-07-21"},
		{"month year", "Prices fell in January 2024.", thursday, "January 2024", storyline.Date, "2024-01"},
		{"iso", "Filed 2025-08-22 by the court.", thursday, "2025-08-22", storyline.Date, "2025-08-22"},
		{"slash", "Dated 8/22/2025 in the file.", thursday, "8/22/2025", storyline.Date, "2025-08-22"},
		{"year", "The war began in 2022.", thursday, "2022", storyline.Date, "2022"},
		{"decade", "It grew in the 1990s.", thursday, "1990s", storyline.Date, "199"},
		{"century", "The wars of the 20th century ended.", thursday, "the 20th century", storyline.Date, "19"},
		{"month day nearest future", "The summit is on March 3.", thursday, "March 3", storyline.Date, "2025-03-03"},
		{"month day nearest past", "He resigned on Dec. 30.", thursday, "Dec. 30", storyline.Date, "2024-12-30"},
		{"bare month", "Talks will resume in September.", thursday, "September", storyline.Date, "2025-09"},
		{"month this year", "It started in February this year.", thursday, "February this year", storyline.Date, "2025-02"},
		{"quarter", "Sales rose in the third quarter of 2024.", thursday, "the third quarter of 2024", storyline.Date, "2024-Q3"},
		{"season", "The offensive came last fall.", thursday, "last fall", storyline.Date, "2024-FA"},
		{"holiday", "They met on Christmas Day.", thursday, "Christmas Day", storyline.Date, "2024-12-25"},
		{"week of", "A hearing the week of March 6 is due.", thursday, "the week of March 6", storyline.Date, "2025-W10"},
		// Weekdays: the tense decides.
		{"said on thursday", "Putin said on Thursday that talks went well.", thursday, "Thursday", storyline.Date, "2025-02-27"},
		{"said on friday", "Rutte said on Friday that guarantees matter.", thursday, "Friday", storyline.Date, "2025-02-21"},
		{"will meet on friday", "Trump will meet Zelensky on Friday.", thursday, "Friday", storyline.Date, "2025-02-28"},
		{"until sunday", "Talks were postponed until Sunday.", thursday, "Sunday", storyline.Date, "2025-03-02"},
		{"expected to on sunday", "He is expected to meet leaders on Sunday.", thursday, "Sunday", storyline.Date, "2025-03-02"},
		{"last friday", "The deal collapsed last Friday.", thursday, "last Friday", storyline.Date, "2025-02-21"},
		{"next monday", "The talks resume next Monday.", thursday, "next Monday", storyline.Date, "2025-03-03"},
		{"possessive nearest", "Ahead of Friday's meeting, aides briefed him.", thursday, "Friday", storyline.Date, "2025-02-28"},
		{"weekday night", "The attack came Wednesday night.", thursday, "Wednesday night", storyline.Time, "2025-02-26TNI"},
		// Deictic words.
		{"today", "The minister resigned today.", thursday, "today", storyline.Date, "2025-02-27"},
		{"yesterday", "Troops left yesterday.", thursday, "yesterday", storyline.Date, "2025-02-26"},
		{"tomorrow", "Voting starts tomorrow.", thursday, "tomorrow", storyline.Date, "2025-02-28"},
		{"tonight", "He speaks tonight.", thursday, "tonight", storyline.Time, "2025-02-27TNI"},
		{"this morning", "Shelling began this morning.", thursday, "this morning", storyline.Time, "2025-02-27TMO"},
		{"last week", "The envoy visited last week.", thursday, "last week", storyline.Date, "2025-W8"},
		{"this week", "A vote is due this week.", thursday, "this week", storyline.Date, "2025-W9"},
		{"next month", "Elections follow next month.", thursday, "next month", storyline.Date, "2025-03"},
		{"last year", "Exports fell last year.", thursday, "last year", storyline.Date, "2024"},
		{"now", "The city is now calm.", thursday, "now", storyline.Date, "PRESENT_REF"},
		{"future", "Peace may come in the future.", thursday, "the future", storyline.Date, "FUTURE_REF"},
		{"recently", "He recently resigned.", thursday, "recently", storyline.Date, "PAST_REF"},
		{"ago", "The war began three years ago.", thursday, "three years ago", storyline.Date, "2022"},
		{"days ago", "He left 11 days ago.", thursday, "11 days ago", storyline.Date, "2025-02-16"},
		{"early next week", "A ruling is expected early next week.", thursday, "early next week", storyline.Date, "2025-W10"},
		{"the weekend past", "Talks stalled over the weekend.", thursday, "the weekend", storyline.Date, "2025-W8-WE"},
		{"decade no apostrophe", "Cars of the 70s were boxy.", thursday, "70s", storyline.Date, "197"},
		{"final quarter", "It made a profit for the final quarter of 2009.", thursday, "the final quarter of 2009", storyline.Date, "2009-Q4"},
		{"utc clock", "GM filed at 12:00 UTC Monday.", thursday, "12:00 UTC Monday", storyline.Time, "2025-02-24T12:00Z"},
		{"clock comma date", "He spoke at 16:15 UTC, June 1st, 2009 in New York.", thursday, "16:15 UTC, June 1st, 2009", storyline.Time, "2009-06-01T16:15Z"},
		// Durations.
		{"duration", "They talked for three days.", thursday, "three days", storyline.Duration, "P3D"},
		{"fraction", "It took 5 1/2 hours.", thursday, "5 1/2 hours", storyline.Duration, "PT5H30M"},
		{"compound", "After a 16-hour flight she landed.", thursday, "16-hour", storyline.Duration, "PT16H"},
		{"a month", "The appeal could take a month.", thursday, "a month", storyline.Duration, "P1M"},
		{"the past n", "Prices doubled over the past two years.", thursday, "the past two years", storyline.Duration, "P2Y"},
		{"recent years", "Trade grew in recent years.", thursday, "recent years", storyline.Duration, "PXY"},
		{"more than", "He served more than four decades.", thursday, "more than four decades", storyline.Duration, "P40Y"},
		{"for years", "They fought for years.", thursday, "years", storyline.Duration, "PXY"},
		{"decades-long", "It ended a decades-long feud.", thursday, "decades-long", storyline.Duration, "PXY"},
		// Sets.
		{"daily", "Rallies are held daily.", thursday, "daily", storyline.Set, "P1D"},
		{"every week", "They meet every week.", thursday, "every week", storyline.Set, "P1W"},
		{"twice a year", "The board meets twice a year.", thursday, "twice a year", storyline.Set, "P1Y"},
		{"every friday", "Protests take place every Friday.", thursday, "every Friday", storyline.Set, "XXXX-WXX-5"},
		// Clock times.
		{"clock", "The blast came at 10:35 a.m. local time.", thursday, "10:35 a.m.", storyline.Time, "2025-02-27T10:35"},
		{"clock and day", "The deadline is 9 a.m. Tuesday.", thursday, "9 a.m. Tuesday", storyline.Time, "2025-02-25T09:00"},
		{"noon", "They met at noon.", thursday, "noon", storyline.Time, "2025-02-27T12:00"},
		// No DCT: stay underspecified.
		{"no dct month day", "It opened on Aug. 22.", time.Time{}, "Aug. 22", storyline.Date, "XXXX-08-22"},
		{"no dct weekday", "He said on Friday it was over.", time.Time{}, "Friday", storyline.Date, "XXXX-WXX-5"},
		{"no dct today", "He resigned today.", time.Time{}, "today", storyline.Date, "XXXX-XX-XX"},
		{"no dct last week", "He resigned last week.", time.Time{}, "last week", storyline.Date, "XXXX-WXX"},
		{"no dct full date", "It opened on Aug. 22, 2025.", time.Time{}, "Aug. 22, 2025", storyline.Date, "2025-08-22"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := one(t, c.text, c.dct)
			if got.Text != c.want || got.Type != c.typ || got.Value != c.value {
				t.Errorf("Extract(%q) = %q %s %s, want %q %s %s", c.text, got.Text, got.Type, got.Value, c.want, c.typ, c.value)
			}
		})
	}
}

// TestReference checks that "later" and "the next day" anchor on the
// last date the text mentioned, not on the DCT.
func TestReference(t *testing.T) {
	cases := []struct {
		name, text string
		values     []string
	}{
		{"three days later", "The ceasefire began on Aug. 22, 2024. Three days later it collapsed.", []string{"2024-08-22", "2024-08-25"}},
		{"the next day", "Talks opened on March 3, 2024 and resumed the next day.", []string{"2024-03-03", "2024-03-04"}},
		{"the following week", "He arrived in May 2023. The following month he left.", []string{"2023-05", "2023-06"}},
		{"that same day", "Troops moved in last October and the site closed that same day.", []string{"2024-10", "2024-10-XX"}},
		{"day after", "The bomb went off on Aug. 7, 1998, and the men came the day after the attack.", []string{"1998-08-07", "1998-08-08"}},
		{"the year before", "Profit fell to $3 million in 2024, down from $4 million the year before.", []string{"2024", "2023"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(c.text, thursday)
			var vals []string
			for _, x := range got {
				vals = append(vals, x.Value)
			}
			if strings.Join(vals, " ") != strings.Join(c.values, " ") {
				t.Errorf("Extract(%q) values = %v, want %v", c.text, vals, c.values)
			}
		})
	}
}

// TestNegatives lists words that look temporal and are not.
func TestNegatives(t *testing.T) {
	cases := []struct{ text, not string }{
		{"You may leave when it is over.", "may"},
		{"Thousands march in the annual March for Life.", "March"},
		{"She May go.", "May"},
		{"A 44-year-old man was held.", "44-year-old"},
		{"He watched 60 Minutes.", "60 Minutes"},
		{"The second round is close.", "second"},
		{"About 2000 people marched.", "2000"},
		{"The fall of the regime was swift.", "fall"},
		{"The alliance has 32 members.", "32"},
		{"Sun Microsystems sold its Sat unit.", "Sun"},
		{"Highlights of World Cup 2018 day five.", "2018 day"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			for _, x := range Extract(c.text, thursday) {
				if strings.Contains(x.Text, c.not) {
					t.Errorf("Extract(%q) found %q (%s %s)", c.text, x.Text, x.Type, x.Value)
				}
			}
		})
	}
}

func TestNumberRange(t *testing.T) {
	got := Extract("The process would take between 60 and 90 days.", thursday)
	if len(got) != 2 || got[0].Text != "60" || got[0].Value != "P60D" || got[1].Value != "P90D" {
		t.Errorf("got %+v, want 60 (P60D) and 90 days (P90D)", got)
	}
}

func TestSecondDayOfRange(t *testing.T) {
	got := Extract("The summit is on April 24 and 25 in Washington.", thursday)
	if len(got) != 2 || got[0].Value != "2025-04-24" || got[1].Value != "2025-04-25" || got[1].Text != "25" {
		t.Errorf("got %+v, want April 24 and 25 as two dates", got)
	}
}

// checkSpans asserts the invariants every Extract result keeps.
func checkSpans(t *testing.T, text string, got []storyline.Timex) {
	t.Helper()
	prev := 0
	for _, x := range got {
		s, e := x.Span.Start, x.Span.End
		if !x.Span.Valid(len(text)) || s >= e {
			t.Fatalf("span [%d,%d) out of bounds for %d bytes", s, e, len(text))
		}
		if s < prev {
			t.Fatalf("span [%d,%d) overlaps or precedes the previous one ending at %d", s, e, prev)
		}
		// Rune boundaries are only defined for valid UTF-8.
		if utf8.ValidString(text) && (!utf8.RuneStart(text[s]) || e < len(text) && !utf8.RuneStart(text[e])) {
			t.Fatalf("span [%d,%d) not on rune boundaries", s, e)
		}
		if x.Text != text[s:e] {
			t.Fatalf("Text %q != text[%d:%d] %q", x.Text, s, e, text[s:e])
		}
		if x.Value == "" || x.Type == "" {
			t.Fatalf("empty value or type in %+v", x)
		}
		prev = e
	}
}

func TestSpansUnicode(t *testing.T) {
	text := "Zelensky said on “Friday” — 27 February 2025 — that the talks, held «last week», failed. Ο Ζελένσκι μίλησε today."
	checkSpans(t, text, Extract(text, thursday))
}

func TestDateFromURL(t *testing.T) {
	cases := []struct {
		url  string
		want string // "" when no date
	}{
		{"https://example.com/2025/08/22/nato-chief-kyiv/", "2025-08-22"},
		{"https://www.theguardian.com/world/2025/aug/22/ukraine-talks", "2025-08-22"},
		{"https://example.com/news/ukraine-2025-08-22-talks.html", "2025-08-22"},
		{"https://example.com/news/20250822/talks", "2025-08-22"},
		{"https://example.com/2025/02/27", "2025-02-27"},
		{"/2024/02/29/leap/", "2024-02-29"},
		{"https://example.com/2025/02/30/not-a-day/", ""},
		{"https://example.com/article/12345678", ""},
		{"https://example.com/news?date=2025-08-22", ""},
		{"https://2025-08-22.example.com/", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.url, func(t *testing.T) {
			got, ok := DateFromURL(c.url)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != c.want {
				t.Errorf("DateFromURL(%q) = %q, want %q", c.url, s, c.want)
			}
		})
	}
}

func TestParseDateLine(t *testing.T) {
	cases := []struct {
		line string
		want string // RFC 3339, "" when no date
	}{
		{"Feb. 27, 2025 09:59 AM ET", "2025-02-27T09:59:00-05:00"},
		{"Zelensky Setting Expectations Ahead of Friday's Meeting With Trump Feb. 27, 2025 09:59 AM ET", "2025-02-27T09:59:00-05:00"},
		{"date 2025-02-27", "2025-02-27T00:00:00Z"},
		{"August 22, 2025", "2025-08-22T00:00:00Z"},
		{"22 Aug 2025", "2025-08-22T00:00:00Z"},
		{"Friday, July 21, 2017", "2017-07-21T00:00:00Z"},
		{"Published: August 22, 2025 at 3:15 p.m. EDT", "2025-08-22T15:15:00-04:00"},
		{"Fri, 22 Aug 2025 09:59:00 GMT", "2025-08-22T09:59:00Z"},
		{"2025-08-22T09:59:00Z", "2025-08-22T09:59:00Z"},
		{"Updated 8/22/2025", "2025-08-22T00:00:00Z"},
		{"Updated: 2025-02-27 09:59", "2025-02-27T09:59:00Z"},
		{"posted 2025-02-27T09:59Z by staff", "2025-02-27T09:59:00Z"},
		{"Published 27 February 2025, 09:59 GMT", "2025-02-27T09:59:00Z"},
		{"Feb. 27, 2025 9:59 p.m. EST", "2025-02-27T21:59:00-05:00"},
		{"Friday", ""},
		{"August 22", ""},
		{"No date here at all.", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			got, ok := ParseDateLine(c.line)
			s := ""
			if ok {
				s = got.Format(time.RFC3339)
			}
			if s != c.want {
				t.Errorf("ParseDateLine(%q) = %q, want %q", c.line, s, c.want)
			}
		})
	}
}

// TestConcurrent runs Extract from several goroutines (go test -race
// checks that they share nothing mutable).
func TestConcurrent(t *testing.T) {
	text := "Putin said on Thursday that envoys will meet on Friday, three days after talks began on Feb. 24, 2025."
	want := Extract(text, thursday)
	done := make(chan []storyline.Timex)
	for range 8 {
		go func() { done <- Extract(text, thursday) }()
	}
	for range 8 {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("concurrent Extract found %d, want %d", len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("concurrent Extract %d = %+v, want %+v", k, got[k], want[k])
			}
		}
	}
}
