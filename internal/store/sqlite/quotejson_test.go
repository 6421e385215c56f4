package sqlite

import (
	"encoding/json"
	"reflect"
	"testing"

	"storyline"
)

// fullQuote is a quote with every field set.
func fullQuote() storyline.Quote {
	return storyline.Quote{Report: "r1", Span: storyline.Span{Start: 3, End: 40}, Text: "We will \"not\" négocier\n", Kind: storyline.Direct,
		SpeakerSpan: &storyline.Span{Start: 45, End: 54}, SpeakerText: "Mira Holt", Speaker: "Mira Holt", SpeakerID: "a1",
		Cue: "said", CueSpan: &storyline.Span{Start: 41, End: 45}, Group: "g1", Date: "2026-02-24"}
}

// TestFastQuoteTakesWhatTheStoreWrites: every field of a quote as the
// store writes it is read on the fast path. A new field of
// storyline.Quote fails here until fastQuote reads it.
func TestFastQuoteTakesWhatTheStoreWrites(t *testing.T) {
	want := fullQuote()
	v := reflect.ValueOf(want)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("fullQuote leaves %s unset", v.Type().Field(i).Name)
		}
	}
	for _, q := range []storyline.Quote{want, {}, {Text: "x", Span: storyline.Span{Start: -1}}} {
		b, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		var got storyline.Quote
		if !fastQuote(b, &got) {
			t.Fatalf("fast path refuses %s", b)
		}
		if !reflect.DeepEqual(got, q) {
			t.Errorf("fast path read %s as %+v", b, got)
		}
	}
}

func TestDecodeQuoteAgreesWithEncodingJSON(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		fast     bool
	}{
		{"spaces", ` { "text" : "a" , "span" : { "end" : 2 , "start" : 1 } } `, true},
		{"escaped key", `{"te\u0078t":"a"}`, false},
		{"escapes", `{"text":"a\"b\\c\u00e9\u00E9\/\b\f\r\t\n"}`, true},
		{"surrogates", `{"text":"\ud83d\ude00"}`, false},
		{"lone surrogate", `{"text":"\ud83d"}`, false},
		{"bad escape", `{"text":"\x41"}`, false},
		{"short escape", `{"text":"\u00e"}`, false},
		{"empty object", `{}`, true},
		{"empty span", `{"span":{}}`, true},
		{"null", `null`, false},
		{"null field", `{"speaker_span":null}`, false},
		{"other case key", `{"Text":"a"}`, false},
		{"unknown key", `{"text":"a","extra":[1,2]}`, false},
		{"float", `{"span":{"start":1.0}}`, false},
		{"exponent", `{"span":{"start":1e2}}`, false},
		{"leading zero", `{"span":{"start":01}}`, false},
		{"overflow", `{"span":{"start":99999999999999999999}}`, false},
		{"bad utf-8", "{\"text\":\"a\xffb\"}", false},
		{"control char", "{\"text\":\"a\x01b\"}", false},
		{"trailing", `{"text":"a"} x`, false},
		{"unterminated", `{"text":"a`, false},
		{"not a string", `{"text":1}`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var fast storyline.Quote
			if got := fastQuote([]byte(tt.in), &fast); got != tt.fast {
				t.Errorf("fast path taken: %v, want %v", got, tt.fast)
			}
			compareDecoders(t, []byte(tt.in))
		})
	}
}

// compareDecoders checks that decodeQuote gives what encoding/json gives:
// the same quote, and an error exactly when it errs.
func compareDecoders(t *testing.T, b []byte) {
	t.Helper()
	var want, got storyline.Quote
	werr := json.Unmarshal(b, &want)
	gerr := decodeQuote(b, &got)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: error %v, encoding/json %v", b, gerr, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: %+v, encoding/json %+v", b, got, want)
	}
}

// FuzzDecodeQuote: whatever the stored bytes, decodeQuote agrees with
// encoding/json.
func FuzzDecodeQuote(f *testing.F) {
	b, _ := json.Marshal(fullQuote())
	f.Add(b)
	f.Add([]byte(`{"text":"a\u00e9","span":{"start":-0,"end":12}}`))
	f.Add([]byte(`{"span":{"start":1,"start":2},"text":"x","text":"y"}`))
	f.Fuzz(func(t *testing.T, b []byte) { compareDecoders(t, b) })
}

func BenchmarkDecodeQuote(b *testing.B) {
	q := fullQuote()
	q.Text = "We will not negotiate under threat, not today and not tomorrow, the minister said"
	data, _ := json.Marshal(q)
	for _, dec := range []struct {
		name string
		fn   func([]byte, *storyline.Quote) error
	}{
		{"fast", decodeQuote},
		{"encoding_json", func(b []byte, q *storyline.Quote) error { return json.Unmarshal(b, q) }},
	} {
		b.Run(dec.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var q storyline.Quote
				if err := dec.fn(data, &q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
