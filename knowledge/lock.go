// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrLocked is wrapped by the error of LockDir, and so of Open, when
// another process holds the directory.
var ErrLocked = errors.New("directory is locked")

// lockWait is how long LockDir waits for a held lock before it gives up:
// long enough for an instance that is being restarted to let go, short
// enough that a second instance on the same directory fails at once.
const lockWait = 2 * time.Second

// Names of the lock and of the file that says who holds it, in the locked
// directory.
const (
	lockFile  = "lock"
	ownerFile = "lock.owner"
)

// DirLock is an exclusive lock on a directory, held by this process
// until Unlock. It is an advisory lock of the operating system: it is
// released when the process ends, however it ends, so a crash leaves no
// stale lock behind.
type DirLock struct {
	f   *os.File
	dir string
}

// lockOwner is what the owner file records about the holder.
type lockOwner struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Since   time.Time `json:"since"` // when it took the lock
	Command string    `json:"command"`
}

func (o lockOwner) String() string {
	s := fmt.Sprintf("pid %d on host %s since %s", o.PID, o.Host, o.Since.UTC().Format(time.RFC3339))
	if o.Command != "" {
		s += " (" + o.Command + ")"
	}
	return s
}

// LockDir takes the exclusive lock of dir, creating dir if needed. If
// another process holds it, LockDir tries again for a short while and
// then fails with an error that wraps ErrLocked and names the holder's
// process ID, host and the time it took the lock; it never waits longer, and it returns
// as soon as ctx is done.
func LockDir(ctx context.Context, dir string) (*DirLock, error) {
	return lockDir(ctx, dir, lockWait)
}

func lockDir(ctx context.Context, dir string, wait time.Duration) (*DirLock, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("opening lock: %w", err)
	}
	deadline := time.Now().Add(wait)
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%w: %s is held by %s; every running instance needs a data directory of its own",
				ErrLocked, dir, describeOwner(dir))
		}
		t := time.NewTimer(100 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			f.Close()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	l := &DirLock{f: f, dir: dir}
	if err := l.writeOwner(); err != nil {
		l.Unlock()
		return nil, fmt.Errorf("recording lock owner: %w", err)
	}
	return l, nil
}

// writeOwner replaces the owner file with this process's description.
func (l *DirLock) writeOwner() error {
	host, _ := os.Hostname()
	o := lockOwner{PID: os.Getpid(), Host: host, Since: time.Now(), Command: command()}
	data, err := json.Marshal(o)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(l.dir, "."+ownerFile+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(l.dir, ownerFile))
}

// describeOwner says who holds the lock of dir, as far as its owner file
// tells.
func describeOwner(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if err != nil {
		return "another process (no owner recorded)"
	}
	var o lockOwner
	if err := json.Unmarshal(data, &o); err != nil || o.PID == 0 {
		return "another process (owner record unreadable)"
	}
	return o.String()
}

// Unlock releases the lock. The owner file stays: the next holder
// replaces it, and it is only read while the lock is held.
func (l *DirLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// command is the program's base name and subcommand, "lotse serve".
func command() string {
	if len(os.Args) == 0 {
		return ""
	}
	parts := []string{filepath.Base(os.Args[0])}
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
		parts = append(parts, os.Args[1])
	}
	return strings.Join(parts, " ")
}
