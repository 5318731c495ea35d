// SPDX-License-Identifier: EUPL-1.2

//go:build !unix

package main

import "time"

// processCPU is unavailable here: bench answer then prints no CPU column.
func processCPU() (time.Duration, bool) { return 0, false }
