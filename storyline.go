package storyline

// Span is a half-open byte range [Start, End) into a report's cleaned text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether the span lies inside a text of n bytes and is not
// reversed.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Report is one news report after cleaning. Text is the cleaned text that
// every span of every annotation indexes into; it is never rewritten once
// stored.
type Report struct {
	ID     string `json:"id"`
	Origin string `json:"origin"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title"`
	Byline string `json:"byline,omitempty"`
	// Published is "YYYY-MM-DD" or an RFC 3339 time, as precise as the
	// source says; empty when unknown.
	Published   string `json:"published"`
	Language    string `json:"language"`
	Text        string `json:"text"`
	Hash        string `json:"hash"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// MentionKind is the class of a named mention.
type MentionKind string

// The mention kinds. They follow the CoNLL-2003 classes PER, ORG, LOC and
// MISC.
const (
	Person       MentionKind = "person"
	Organisation MentionKind = "organisation"
	Place        MentionKind = "place"
	Other        MentionKind = "other"
)

// Mention is one occurrence of a name in a report.
type Mention struct {
	Report  string      `json:"report"`
	Span    Span        `json:"span"`
	Surface string      `json:"surface"`
	Kind    MentionKind `json:"kind"`
	ActorID string      `json:"actor_id,omitempty"`
}

// Actor is one person, organisation or place across all reports.
type Actor struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Kind        MentionKind `json:"kind"`
	Aliases     []string    `json:"aliases"`
	Descriptors []string    `json:"descriptors,omitempty"`
	Mentions    int         `json:"mentions"`
	Reports     int         `json:"reports"`
}

// QuoteKind tells how a quotation is reported.
type QuoteKind string

// The quotation kinds.
const (
	Direct   QuoteKind = "direct"   // the whole content stands in quote marks
	Partial  QuoteKind = "partial"  // a reported clause that contains quoted words
	Indirect QuoteKind = "indirect" // reported speech with no quote marks
)

// Quote is one attributed statement in a report.
type Quote struct {
	Report string    `json:"report"`
	Span   Span      `json:"span"`
	Text   string    `json:"text"`
	Kind   QuoteKind `json:"kind"`
	// SpeakerSpan is the local phrase the attribution names (a name, a
	// pronoun, a description); nil when the quote has none.
	SpeakerSpan *Span `json:"speaker_span,omitempty"`
	// SpeakerText is the text of SpeakerSpan.
	SpeakerText string `json:"speaker_text,omitempty"`
	// Speaker is the resolved actor's name, empty when unresolved.
	Speaker   string `json:"speaker,omitempty"`
	SpeakerID string `json:"speaker_id,omitempty"`
	Cue       string `json:"cue,omitempty"`
	CueSpan   *Span  `json:"cue_span,omitempty"`
	Group     string `json:"group,omitempty"`
	// Date is the TIMEX3 value of the day the statement was made, when the
	// text says it.
	Date string `json:"date,omitempty"`
}

// TimexType is the TIMEX3 type of a temporal expression.
type TimexType string

// The TIMEX3 types.
const (
	Date     TimexType = "DATE"
	Time     TimexType = "TIME"
	Duration TimexType = "DURATION"
	Set      TimexType = "SET"
)

// Timex is one temporal expression with its normalised TIMEX3 value.
type Timex struct {
	Report string    `json:"report"`
	Span   Span      `json:"span"`
	Text   string    `json:"text"`
	Type   TimexType `json:"type"`
	Value  string    `json:"value"`
}

// Position is a stance an actor takes: a demand, a rejection, a promise.
type Position struct {
	Report   string `json:"report"`
	Span     Span   `json:"span"`
	Source   string `json:"source"`
	SourceID string `json:"source_id,omitempty"`
	Kind     string `json:"kind"`
	Target   string `json:"target,omitempty"`
	Object   string `json:"object,omitempty"`
	Date     string `json:"date,omitempty"`
}

// Event is a tight cluster of reports about one happening.
type Event struct {
	ID      string   `json:"id"`
	Story   string   `json:"story"`
	Title   string   `json:"title"`
	Reports []string `json:"reports"`
	Date    string   `json:"date,omitempty"`
}

// Story is a cluster of events about one developing topic.
type Story struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Events    []string `json:"events"`
	Reports   []string `json:"reports"`
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
}

// Analysis is everything the per-report stages found in one report. A
// store writes it in one transaction.
type Analysis struct {
	Report    Report
	Mentions  []Mention
	Quotes    []Quote
	Timexes   []Timex
	Positions []Position
}
