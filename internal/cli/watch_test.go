package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runWatchCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), append([]string{"watch"}, args...), Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestWatchOnce(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title>
<item><title>Second</title><link>%[1]s/a/2</link><guid>2</guid><pubDate>Sat, 21 Nov 2026 11:00:00 +0000</pubDate></item>
<item><title>First</title><link>%[1]s/a/1</link><guid>1</guid><pubDate>Sat, 21 Nov 2026 10:00:00 +0000</pubDate></item>
</channel></rss>`, srv.URL)
		case "/robots.txt":
			http.NotFound(w, r)
		default:
			fmt.Fprint(w, "<html><body>page</body></html>")
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte("# test\n"+srv.URL+"/feed.xml\n"), 0o644)
	db := filepath.Join(dir, "s.db")

	// Without --allow-private the loopback server is refused.
	code, out, stderr := runWatchCmd(t, "--db", filepath.Join(dir, "guarded.db"), "--once", feeds)
	if code != 1 || out != "" || !strings.Contains(stderr, "not allowed") {
		t.Fatalf("guarded run: exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	code, out, stderr = runWatchCmd(t, "--db", db, "--once", "--allow-private", "--host-delay", "0", feeds)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := fmt.Sprintf("2026-11-21T10:00:00Z\t%[1]s/a/1\tFirst\t30\n2026-11-21T11:00:00Z\t%[1]s/a/2\tSecond\t30\n", srv.URL)
	if out != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if _, err := os.Stat(db + ".watch.json"); err != nil {
		t.Fatalf("state file: %v", err)
	}
	// The feed is not due again yet: nothing is printed.
	code, out, _ = runWatchCmd(t, "--db", db, "--once", "--allow-private", feeds)
	if code != 0 || out != "" {
		t.Fatalf("second run: exit %d, stdout %q", code, out)
	}
}

func TestWatchHelpAndErrors(t *testing.T) {
	code, out, _ := runWatchCmd(t, "--help")
	if code != 0 {
		t.Fatalf("--help exit %d", code)
	}
	for _, flag := range []string{"--db", "--allow-private", "--interval", "--once", "--workers", "--host-delay", "--max-body", "--timeout", "OPML"} {
		if !strings.Contains(out, flag) {
			t.Errorf("--help does not mention %s", flag)
		}
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("not a url\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no feeds file", []string{filepath.Join(dir, "missing")}, "no such file"},
		{"bad line", []string{bad}, "line 1"},
		{"no args", nil, "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runWatchCmd(t, append([]string{"--db", filepath.Join(dir, "x.db")}, tt.args...)...)
			if code == 0 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr %q; want failure mentioning %q", code, stderr, tt.want)
			}
		})
	}
}
