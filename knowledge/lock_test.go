// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSecondOpenOnSameDataDirFailsNamingHolder opens the index directory
// a second time while the first base holds it. The lock is the operating
// system's file lock, which two opens conflict on even within one process,
// so this is what a second process meets: an error that names the holder,
// not a wait.
func TestSecondOpenOnSameDataDirFailsNamingHolder(t *testing.T) {
	root, _ := copyFixture(t)
	data := t.TempDir()
	first := mustOpen(t, Config{Roots: []Root{root}, DataDir: data})

	_, err := Open(context.Background(), Config{Roots: []Root{root}, DataDir: data, lockWait: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	host, _ := os.Hostname()
	for _, want := range []string{"pid " + strconv.Itoa(os.Getpid()), "host " + host, "since " + time.Now().UTC().Format("2006-01-02")} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if ps := mustSearch(t, first, Query{Text: "Reisepass"}); len(ps) == 0 {
		t.Error("the first base stopped answering")
	}

	// Once the holder is gone, the directory is free; the index is loaded.
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second := mustOpen(t, Config{Roots: []Root{root}, DataDir: data, lockWait: 200 * time.Millisecond})
	if !second.Report().LoadedFromDisk {
		t.Error("after the first closed, the second did not load the persisted index")
	}
}

// TestOpenWaitingForLockStopsWithContext: a caller that gives up (SIGTERM
// in the server) is not kept waiting for a held lock.
func TestOpenWaitingForLockStopsWithContext(t *testing.T) {
	root, _ := copyFixture(t)
	data := t.TempDir()
	mustOpen(t, Config{Roots: []Root{root}, DataDir: data})
	// The holder never lets go; the caller's deadline ends the wait.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := Open(ctx, Config{Roots: []Root{root}, DataDir: data, lockWait: time.Hour})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Open with a deadline: %v, want context.DeadlineExceeded", err)
	}
}

// TestLockOwnerFileNamesHolder: the owner file is replaced by each holder,
// so a lock taken after a crash (the kernel released the old one) names
// the new holder, not the dead one.
func TestLockOwnerFileNamesHolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/"+ownerFile, `{"pid":999999,"host":"gestern","since":"2020-01-01T00:00:00Z"}`)
	l, err := LockDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if got := describeOwner(dir); !strings.Contains(got, "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("owner after taking the lock: %q", got)
	}
	_, err = lockDir(context.Background(), dir, 0)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("second lock: %v", err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	l2, err := lockDir(context.Background(), dir, 0)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	l2.Unlock()
}
