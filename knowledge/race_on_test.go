// SPDX-License-Identifier: EUPL-1.2

//go:build race

package knowledge

// raceDetector is true in a build with the race detector.
const raceDetector = true
