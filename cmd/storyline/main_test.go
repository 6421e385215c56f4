package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

var binary string

// TestMain builds the storyline binary once for the end-to-end tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "storyline-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "storyline")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	places  = []string{"Selm", "Varnograd", "Ostrava Point", "the Kessel Strait", "Harbin Reach", "Lake Mire"}
	people  = []string{"Ilse Brandt", "Aleksandr Petrov", "Mara Quist", "Tomas Heller", "Juno Okafor", "Pieter Lund"}
	actions = []string{"met officials in", "flew to", "warned about shipping near", "called for talks in", "promised aid to", "rejected claims about"}
)

// writeCorpus writes n short invented reports, each different.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d from %s\n\n", i, places[i%len(places)])
		for j := range 12 {
			p := people[(i+j)%len(people)]
			fmt.Fprintf(&b, "%s %s %s on day %d of the dispute, officials said. ", p, actions[(i*7+j)%len(actions)], places[(i+j*3)%len(places)], i+j)
			fmt.Fprintf(&b, "\"We will not give up,\" %s said after meeting number %d.\n\n", p, i*13+j)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func storyline(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("storyline %v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

func count(db string) int {
	c, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return 0
	}
	defer c.Close()
	var n int
	if err := c.QueryRow("SELECT count(*) FROM reports").Scan(&n); err != nil {
		return 0
	}
	return n
}

// TestKillAndResume kills an ingest of 2,000 reports half-way with
// SIGKILL, runs it again, and checks that the store opens cleanly, holds
// each report once and exports exactly what an uninterrupted run does.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	const n = 2000
	corpus := t.TempDir()
	writeCorpus(t, corpus, n)
	tmp := t.TempDir()

	clean := filepath.Join(tmp, "clean.db")
	storyline(t, "ingest", "--quiet", "--db", clean, corpus)
	want := storyline(t, "export", "--db", clean)

	killed := filepath.Join(tmp, "killed.db")
	cmd := exec.Command(binary, "ingest", "--quiet", "--db", killed, corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	at := 0
	deadline := time.Now().Add(2 * time.Minute)
wait:
	for time.Now().Before(deadline) {
		select {
		case <-done:
			t.Fatalf("ingest finished before it could be killed (stored %d)", count(killed))
		case <-time.After(10 * time.Millisecond):
		}
		if at = count(killed); at >= n/4 {
			break wait
		}
	}
	cmd.Process.Kill()
	<-done
	at = count(killed)
	if at == 0 || at >= n {
		t.Fatalf("killed with %d of %d reports stored; want a run cut half-way", at, n)
	}
	t.Logf("killed after %d of %d reports", at, n)

	storyline(t, "ingest", "--quiet", "--db", killed, corpus)
	if got := count(killed); got != n {
		t.Errorf("%d reports stored after resuming, want %d", got, n)
	}
	if got := storyline(t, "export", "--db", killed); got != want {
		t.Error("export after kill and resume differs from an uninterrupted run")
	}
}
