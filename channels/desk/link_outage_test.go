// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/ticketing"
)

func TestLinkOutageFromCase(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-link", passportChat)
	vpn, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	mail, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "email", Title: "E-Mail langsam"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	ended, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN gestern"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CloseOutage(ctx, ended.ID, "test"); err != nil {
		t.Fatal(err)
	}
	page := "/desk/tickets/" + tk.Key
	link := page + "/link-outage"
	c := e.client()
	c.login("anna", testPassword)
	if _, body := c.get(page); !strings.Contains(body, `action="`+link+`"`) || strings.Contains(body, `id="linked-outage"`) {
		t.Fatal("unlinked ticket: no link form, or shown as linked")
	}

	if code, body, _ := c.post(link, url.Values{"outage": {itoa(ended.ID)}}); code != http.StatusBadRequest || !strings.Contains(body, "ist beendet") || !strings.Contains(body, `id="outage-error"`) {
		t.Errorf("closed outage: status %d, message shown %v", code, strings.Contains(body, "ist beendet"))
	}
	code, _, resp := c.post(link, url.Values{"outage": {itoa(vpn.ID)}})
	if code != http.StatusSeeOther {
		t.Fatalf("link: status %d", code)
	}
	got, err := e.svc.Get(ctx, tk.ID)
	if err != nil || got.OutageID != vpn.ID {
		t.Fatalf("ticket outage %d, %v; want %d", got.OutageID, err, vpn.ID)
	}
	if o, _ := e.svc.GetOutage(ctx, vpn.ID); o.Affected != 1 || o.Tickets != 1 {
		t.Errorf("outage affected %d, tickets %d; want 1, 1", o.Affected, o.Tickets)
	}
	if notes, _ := e.svc.Notes(ctx, tk.ID); len(notes) != 0 {
		t.Errorf("linking wrote notes %+v; the link itself is stored now", notes)
	}
	if !e.auditHas("anna", "ticket.link_outage", tk.Key) {
		t.Errorf("link not audited:\n%s", e.dumpAudit())
	}
	_, body := c.get(resp.Header.Get("Location"))
	if !strings.Contains(body, notices["link-outage"]) || !strings.Contains(body, `id="linked-outage"`) ||
		!strings.Contains(body, "Störung #"+itoa(vpn.ID)+": VPN gestört") || !strings.Contains(body, "1 Betroffene, 1 Vorgang") {
		t.Error("case page does not show the linked outage")
	}
	if strings.Contains(body, `action="`+link+`"`) {
		t.Error("link form offered while the ticket is linked to an active outage")
	}

	// A stale form that links to a second active outage is refused.
	code, body, _ = c.post(link, url.Values{"outage": {itoa(mail.ID)}})
	if code != http.StatusConflict || !strings.Contains(body, "schon mit der aktiven Störung #"+itoa(vpn.ID)) || !strings.Contains(body, `id="outage-error"`) {
		t.Errorf("relink to an active outage: status %d", code)
	}

	// The outage list counts the linked tickets.
	_, body = c.get("/desk/outages")
	row := regexp.MustCompile(`(?s)<tr id="o-` + itoa(vpn.ID) + `">.*?</tr>`).FindString(body)
	if !strings.Contains(body, ">Vorgänge</th>") || !strings.HasSuffix(row, "<td>1</td><td>1</td></tr>") {
		t.Errorf("outage row %q lacks affected and ticket counts", row)
	}

	// Once the outage is over, the case says so and offers linking again.
	if _, err := e.svc.CloseOutage(ctx, vpn.ID, "test"); err != nil {
		t.Fatal(err)
	}
	_, body = c.get(page)
	if !strings.Contains(body, "(beendet)") || !strings.Contains(body, `action="`+link+`"`) {
		t.Error("closed linked outage: not marked as ended, or no link form")
	}
	if code, _, _ := c.post(link, url.Values{"outage": {itoa(mail.ID)}}); code != http.StatusSeeOther {
		t.Errorf("relink after the outage ended: status %d", code)
	}
}
