// SPDX-License-Identifier: EUPL-1.2

// Package pgtest gives tests a fresh PostgreSQL database. It is used only
// by tests.
//
// When LOTSE_PG_URL is set (postgres://user@host/db), every URL call creates
// a uniquely named database on that server and drops it when the test ends.
// Otherwise the first URL call of a test binary starts a throw-away cluster
// (initdb, postgres) in a temporary directory, listening on a free loopback
// port and on a unix socket in that directory; Main stops it and removes the
// directory when the test binary exits. The server binaries are looked up in
// PATH, /usr/local/bin and /usr/lib/postgresql/*/bin (Debian's packages).
//
// PostgreSQL refuses to run as root. Under root the cluster runs as the
// user named by LOTSE_PG_USER, else "postgres", else "nobody" (the process
// switches its uid and gid for the server only).
//
// Without the binaries the tests skip with a message; LOTSE_PG=1 (as in
// .ci/run) turns that skip into a failure.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Main runs the tests of a package and stops the shared cluster (if one
// was started) afterwards. Call it from TestMain:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	shared.mu.Lock()
	c := shared.c
	shared.mu.Unlock()
	if c != nil {
		c.close()
	}
	os.Exit(code)
}

var shared struct {
	once sync.Once
	mu   sync.Mutex
	c    *Cluster
	err  error
}

var dbSeq atomic.Int64

// Required reports whether PostgreSQL tests must run (LOTSE_PG=1): a
// missing server is then a failure, not a skip.
func Required() bool { return os.Getenv("LOTSE_PG") == "1" }

// unavailable skips the test, or fails it when LOTSE_PG=1.
func unavailable(tb testing.TB, err error) {
	tb.Helper()
	if Required() {
		tb.Fatalf("pgtest: PostgreSQL required (LOTSE_PG=1) but not available: %v", err)
	}
	tb.Skipf("pgtest: skipping, no PostgreSQL: %v (install the server binaries, e.g. Debian's postgresql package, or set LOTSE_PG_URL)", err)
}

// URL returns a connection URL to a new, empty database that is dropped
// when the test ends. It skips the test when no PostgreSQL is available
// (fails with LOTSE_PG=1).
func URL(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv("LOTSE_PG_URL")
	if admin == "" {
		shared.once.Do(func() {
			c, err := startCluster()
			shared.mu.Lock()
			shared.c, shared.err = c, err
			shared.mu.Unlock()
		})
		shared.mu.Lock()
		c, err := shared.c, shared.err
		shared.mu.Unlock()
		if err != nil {
			unavailable(tb, err)
		}
		admin = c.URL("postgres")
	}
	return createDB(tb, admin)
}

// createDB creates a uniquely named database on the server of admin and
// returns its URL; the database is dropped when the test ends.
func createDB(tb testing.TB, admin string) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		unavailable(tb, fmt.Errorf("connect %s: %w", redact(admin), err))
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("lotse_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, dbSeq.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			return // the server is gone (a test stopped it); nothing to drop
		}
		defer conn.Close(ctx)
		_, _ = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("pgtest: parse URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// redact drops the password from a URL for messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Cluster is a throw-away PostgreSQL server in a temporary directory.
type Cluster struct {
	dir  string // base directory, removed by close
	data string
	sock string
	port int
	bin  string
	cred *syscall.Credential // non-nil when running as root

	mu  sync.Mutex
	cmd *exec.Cmd
	ch  chan struct{} // closed when cmd has exited
}

// NewCluster starts a cluster of the test's own (for tests that stop and
// start the server) and removes it when the test ends. It skips like URL.
func NewCluster(tb testing.TB) *Cluster {
	tb.Helper()
	c, err := startCluster()
	if err != nil {
		if os.Getenv("LOTSE_PG_URL") != "" {
			// The other tests run on that server; stopping and starting
			// needs a server of our own.
			tb.Skipf("pgtest: skipping, this test stops and starts a server of its own and cannot: %v", err)
		}
		unavailable(tb, err)
	}
	tb.Cleanup(c.close)
	return c
}

// URL returns the URL of database db on the cluster (over the unix socket).
func (c *Cluster) URL(db string) string {
	q := url.Values{}
	q.Set("host", c.sock)
	q.Set("port", strconv.Itoa(c.port))
	q.Set("sslmode", "disable")
	return "postgres://postgres@/" + db + "?" + q.Encode()
}

// NewDB creates a fresh database on the cluster and returns its URL; it is
// dropped when the test ends (if the server is running then).
func (c *Cluster) NewDB(tb testing.TB) string {
	tb.Helper()
	return createDB(tb, c.URL("postgres"))
}

// Stop stops the server (fast shutdown: open connections are closed).
func (c *Cluster) Stop() error {
	c.mu.Lock()
	cmd, ch := c.cmd, c.ch
	c.cmd = nil
	c.mu.Unlock()
	if cmd == nil {
		return nil
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-ch
	}
	return nil
}

// Start starts the server again after Stop, on the same port and socket.
func (c *Cluster) Start() error {
	c.mu.Lock()
	running := c.cmd != nil
	c.mu.Unlock()
	if running {
		return nil
	}
	return c.start()
}

func (c *Cluster) close() {
	_ = c.Stop()
	_ = os.RemoveAll(c.dir)
}

// findBin returns the directory holding initdb and postgres.
func findBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	cands := []string{"/usr/local/bin"}
	versions, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(versions, func(i, j int) bool { return pgVersion(versions[i]) > pgVersion(versions[j]) })
	cands = append(cands, versions...)
	for _, d := range cands {
		_, e1 := os.Stat(filepath.Join(d, "initdb"))
		_, e2 := os.Stat(filepath.Join(d, "postgres"))
		if e1 == nil && e2 == nil {
			return d, nil
		}
	}
	return "", errors.New("initdb and postgres not found in PATH, /usr/local/bin or /usr/lib/postgresql/*/bin")
}

func pgVersion(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// serverUser returns the credential to run the server with when this
// process is root (initdb and postgres refuse root), else nil.
func serverUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	names := []string{"postgres", "nobody"}
	if n := os.Getenv("LOTSE_PG_USER"); n != "" {
		names = []string{n}
	}
	for _, n := range names {
		u, err := user.Lookup(n)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil || uid == 0 {
			continue
		}
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
	}
	return nil, fmt.Errorf("running as root and none of the users %s exists to run PostgreSQL as (set LOTSE_PG_USER)", strings.Join(names, ", "))
}

func startCluster() (*Cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	cred, err := serverUser()
	if err != nil {
		return nil, err
	}
	// A short base path: the socket path must stay under 107 bytes.
	dir, err := os.MkdirTemp("", "lotse-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, data: filepath.Join(dir, "data"), sock: filepath.Join(dir, "sock"), bin: bin, cred: cred}
	if err := os.Mkdir(c.sock, 0o700); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if cred != nil {
		for _, p := range []string{dir, c.sock} {
			if err := os.Chown(p, int(cred.Uid), int(cred.Gid)); err != nil {
				os.RemoveAll(dir)
				return nil, err
			}
		}
	}
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", c.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
	initdb.Dir = dir
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %w: %s", err, lastLines(string(out), 5))
	}
	// A free port can be taken between probing and binding; try a few.
	for range 5 {
		c.port, err = freePort()
		if err != nil {
			break
		}
		if err = c.start(); err == nil {
			return c, nil
		}
	}
	os.RemoveAll(dir)
	return nil, err
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// start runs postgres in the foreground as a child of this process; the
// child gets SIGINT (fast shutdown) if the test binary dies without
// calling Main's cleanup (a panic, a -timeout).
func (c *Cluster) start() error {
	logPath := filepath.Join(c.dir, "postgres.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(c.bin, "postgres"),
		"-D", c.data,
		"-p", strconv.Itoa(c.port),
		"-k", c.sock,
		"-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off",
		"-c", "synchronous_commit=off",
		"-c", "full_page_writes=off",
		"-c", "max_connections=200",
		"-c", "shared_buffers=16MB",
	)
	cmd.Dir = c.dir
	cmd.Stdout = logf
	cmd.Stderr = logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred, Pdeathsig: syscall.SIGINT, Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	ch := make(chan struct{})
	go func() { _ = cmd.Wait(); close(ch) }()
	c.mu.Lock()
	c.cmd, c.ch = cmd, ch
	c.mu.Unlock()

	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-ch:
			c.mu.Lock()
			c.cmd = nil
			c.mu.Unlock()
			b, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres exited at start: %s", lastLines(string(b), 5))
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		conn, err := pgx.Connect(ctx, c.URL("postgres"))
		if err == nil {
			conn.Close(ctx)
			cancel()
			return nil
		}
		cancel()
		if time.Now().After(deadline) {
			_ = c.Stop()
			return fmt.Errorf("postgres did not accept connections within 30s: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
