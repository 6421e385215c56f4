package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchSmall runs bench on a small corpus and checks that its JSON
// accounts for every report, overall and per format.
func TestBenchSmall(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skip("../shared/data not present: bench corpus cannot be built")
	}
	code, out, stderr := run(t, "", "bench", "--data", data, "--reports", "60", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res struct {
		Reports       int     `json:"reports"`
		ReportsPerSec float64 `json:"reports_per_sec"`
		Formats       map[string]struct {
			Reports       int     `json:"reports"`
			Failed        int     `json:"failed"`
			ReportsPerSec float64 `json:"reports_per_sec"`
		} `json:"formats"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out)
	}
	if res.Reports != 60 || res.ReportsPerSec <= 0 {
		t.Errorf("all formats: %d reports at %.1f/s, want 60 at a positive rate", res.Reports, res.ReportsPerSec)
	}
	sum := 0
	for _, name := range []string{"text", "html", "warc"} {
		f, ok := res.Formats[name]
		if !ok {
			t.Errorf("no %s figures", name)
			continue
		}
		if f.Failed != 0 || f.ReportsPerSec <= 0 {
			t.Errorf("%s: %d failed, %.1f reports/s", name, f.Failed, f.ReportsPerSec)
		}
		sum += f.Reports
	}
	if sum != 60 {
		t.Errorf("the formats store %d reports in all, want 60", sum)
	}
}
