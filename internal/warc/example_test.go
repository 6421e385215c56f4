package warc_test

import (
	"bytes"
	"fmt"
	"time"

	"storyline/internal/warc"
)

func ExampleReader_NextPage() {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true) // .warc.gz, one gzip member per record
	date := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	w.WriteWarcinfo(date, warc.Header{{Name: "software", Value: "example"}})
	w.WritePage("https://news.example/a", date, []byte("<html><body><p>Talks resume.</p></body></html>"))

	r := warc.NewReader(&buf)
	for r.NextPage() {
		p := r.Page()
		fmt.Println(p.URI, p.Date.Format(time.RFC3339), len(p.HTML))
	}
	if err := r.Err(); err != nil {
		fmt.Println("error:", err)
	}
	st := r.Stats()
	fmt.Println("records", st.Records, "pages", st.Pages, "skipped", st.Skipped)
	// Output:
	// https://news.example/a 2026-11-21T08:00:00Z 46
	// records 3 pages 1 skipped map[request:1 warcinfo:1]
}
