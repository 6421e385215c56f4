//go:build unix

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
	"sync"
	"syscall"
	"testing"
)

// syncBuffer is a bytes.Buffer safe to write from the poller's workers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestWatchSIGTERMAndResume sends a real SIGTERM while an article page is
// being fetched, then restarts: every article is printed exactly once
// across the two runs.
func TestWatchSIGTERMAndResume(t *testing.T) {
	started := make(chan struct{})
	var once sync.Once
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("ETag", `"v"`)
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title>
<item><title>C</title><link>%[1]s/a/3</link><guid>3</guid></item>
<item><title>B</title><link>%[1]s/a/2</link><guid>2</guid></item>
<item><title>A</title><link>%[1]s/a/1</link><guid>1</guid></item>
</channel></rss>`, srv.URL)
		case "/robots.txt":
			http.NotFound(w, r)
		case "/a/2":
			first := false
			once.Do(func() { first = true })
			if first {
				close(started)
				<-r.Context().Done() // hold the page until the client gives up
				return
			}
			fmt.Fprint(w, "<p>b</p>")
		default:
			fmt.Fprint(w, "<p>page</p>")
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte(srv.URL+"/feed.xml\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	args := []string{"watch", "--db", db, "--allow-private", "--host-delay", "0", "--interval", "1h", feeds}

	var out, errb syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- Main(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	}()
	<-started
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if c := <-code; c != 0 {
		t.Fatalf("exit %d after SIGTERM: %s", c, errb.String())
	}
	first := out.String()
	if !strings.Contains(first, "/a/1\tA") || strings.Contains(first, "/a/2") || strings.Contains(first, "/a/3") {
		t.Fatalf("first run printed:\n%s", first)
	}
	c, second, stderr := runWatchCmd(t, append(args[1:len(args)-1], "--once", feeds)...)
	if c != 0 {
		t.Fatalf("restart exit %d: %s", c, stderr)
	}
	all := first + second
	for _, want := range []string{"/a/1\tA", "/a/2\tB", "/a/3\tC"} {
		if n := strings.Count(all, want); n != 1 {
			t.Fatalf("%s printed %d times across both runs:\n%s", want, n, all)
		}
	}
}
