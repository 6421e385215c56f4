package timex_test

import (
	"fmt"
	"time"

	"storyline/internal/timex"
)

func ExampleExtract() {
	dct := time.Date(2025, 2, 27, 0, 0, 0, 0, time.UTC) // a Thursday
	text := "Putin said on Thursday that envoys will meet on Friday, three days after talks in Riyadh."
	for _, t := range timex.Extract(text, dct) {
		fmt.Println(t.Span.Start, t.Span.End, t.Text, t.Type, t.Value)
	}
	// Output:
	// 14 22 Thursday DATE 2025-02-27
	// 48 54 Friday DATE 2025-02-28
	// 56 66 three days DURATION P3D
}

func ExampleParseDateLine() {
	t, ok := timex.ParseDateLine("Feb. 27, 2025 09:59 AM ET")
	fmt.Println(t.Format(time.RFC3339), ok)
	// Output: 2025-02-27T09:59:00-05:00 true
}

func ExampleDateFromURL() {
	t, ok := timex.DateFromURL("https://example.com/world/2025/08/22/nato-chief-in-kyiv/")
	fmt.Println(t.Format("2006-01-02"), ok)
	// Output: 2025-08-22 true
}
