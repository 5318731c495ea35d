// SPDX-License-Identifier: EUPL-1.2

package ticketing

import "github.com/musterstadt/lotse/assistant"

// Priority maps ITIL impact and urgency (1 high .. 3 low) to a priority
// with the matrix
//
//	               urgency 1   urgency 2   urgency 3
//	impact 1         P1          P2          P3
//	impact 2         P2          P3          P4
//	impact 3         P3          P4          P4
//
// (the classic 5-level ITIL matrix with levels 4 and 5 merged into P4).
// Values outside 1..3 are clamped.
func Priority(impact, urgency int) string {
	impact, urgency = min(max(impact, 1), 3), min(max(urgency, 1), 3)
	switch impact + urgency {
	case 2:
		return P1
	case 3:
		return P2
	case 4:
		return P3
	default:
		return P4
	}
}

// Impact derives ITIL impact from the others_affected slot: 1 when many
// people (a department, everyone) are affected, 2 when several are, 3 when
// only the reporter is or nobody knows.
func Impact(othersAffected string) int {
	switch othersAffected {
	case assistant.AffectedAll:
		return 1
	case assistant.AffectedSome:
		return 2
	default:
		return 3
	}
}

// Urgency derives ITIL urgency from the can_work slot and the criticality
// of the service: 1 when the reporter cannot work at all, 2 when impaired
// (or unknown), 3 when they can work; a critical service raises urgency by
// one step (3 → 2, 2 → 1).
func Urgency(canWork string, critical bool) int {
	u := 2
	switch canWork {
	case assistant.CanWorkNo:
		u = 1
	case assistant.CanWorkYes:
		u = 3
	}
	if critical && u > 1 {
		u--
	}
	return u
}
