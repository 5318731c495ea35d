// SPDX-License-Identifier: EUPL-1.2

//go:build !unix

package knowledge

import "os"

// Where the operating system offers no flock, the lock is not enforced
// across processes.
func tryLock(*os.File) (bool, error) { return true, nil }

func unlock(*os.File) error { return nil }
