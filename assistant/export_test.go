// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"time"
)

// Exported for the incident dialog tests in package assistant_test, which
// run the dialog against the real ticketing service (an internal test
// cannot import ticketing, which imports assistant).
type (
	IncidentStep   = incidentStep
	IncidentReply  = incidentReply
	IncidentDialog = incidentDialog
)

const (
	StageSlot    = stStage
	ServiceOther = serviceOth
	UnknownValue = unknownValue
)

var SlotOrder = slotOrder

func NewIncidentDialog(t Tickets, c ITCatalog, now func() time.Time, loc *time.Location) *IncidentDialog {
	return newIncidentDialog(t, c, now, loc)
}

func (d *incidentDialog) Step(ctx context.Context, st IncidentStep) (IncidentReply, error) {
	return d.step(ctx, st)
}

// BothWays reports whether source has affirmative and negated clauses on
// the topic of the lead line l.
func BothWays(source, l string) bool {
	var want topic
	for _, c := range polarityClauses(l) {
		want |= c.topics
	}
	if want == 0 {
		return false
	}
	pos, neg := false, false
	for _, c := range polarityClauses(source) {
		if c.topics&want != 0 && !c.bare {
			if c.neg {
				neg = true
			} else {
				pos = true
			}
		}
	}
	return pos && neg
}
