package export

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/store"
)

type fakeReader []*storyline.Analysis

func (f fakeReader) Reports(ctx context.Context, fn func(a *storyline.Analysis) error) error {
	for _, a := range f {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}
func (f fakeReader) Report(ctx context.Context, id string) (*storyline.Analysis, error) {
	return nil, store.ErrNotFound
}
func (f fakeReader) Count(ctx context.Context) (int, error) { return len(f), nil }

func TestJSONL(t *testing.T) {
	text := `Brandt said "we will go" on Friday.`
	sp := storyline.Span{Start: 0, End: 6}
	a := &storyline.Analysis{
		Report:   storyline.Report{ID: "r1", Origin: "a.txt", Title: "T", Text: text, Language: "en", Hash: "h"},
		Mentions: []storyline.Mention{{Span: sp, Surface: "Brandt", Kind: storyline.Person, ActorID: "a1"}},
		Quotes:   []storyline.Quote{{Span: storyline.Span{Start: 12, End: 24}, Text: `"we will go"`, Kind: storyline.Direct, SpeakerSpan: &sp, SpeakerText: "Brandt", Speaker: "Ilse Brandt", Cue: "said"}},
		Timexes:  []storyline.Timex{{Span: storyline.Span{Start: 28, End: 34}, Text: "Friday", Type: storyline.Date, Value: "2026-03-06"}},
	}
	extra := Extra{Actors: []storyline.Actor{{ID: "a1", Name: "Ilse Brandt", Kind: storyline.Person, Aliases: []string{"Brandt"}}},
		Events:  []storyline.Event{{ID: "e1", Story: "s1", Reports: []string{"r1"}}},
		Stories: []storyline.Story{{ID: "s1", Events: []string{"e1"}, Reports: []string{"r1"}}}}
	var buf bytes.Buffer
	if err := JSONL(context.Background(), fakeReader{a}, extra, &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var types []string
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %s", l)
		}
		types = append(types, m["type"].(string))
		switch m["type"] {
		case "report":
			if m["published"] != nil || m["duplicate_of"] != nil {
				t.Errorf("unknown fields must be null: %s", l)
			}
		case "quote":
			s, e := int(m["start"].(float64)), int(m["end"].(float64))
			if text[s:e] != m["text"] || m["speaker"] != "Ilse Brandt" || m["speaker_start"].(float64) != 0 || m["cue_start"] != nil {
				t.Errorf("quote record %s", l)
			}
		case "timex":
			if m["timex_type"] != "DATE" || m["value"] != "2026-03-06" {
				t.Errorf("timex record %s", l)
			}
		}
	}
	if got, want := strings.Join(types, ","), "report,mention,quote,timex,actor,event,story"; got != want {
		t.Errorf("record types %s, want %s", got, want)
	}
}
