// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/musterstadt/lotse/ticketing"
)

// MinPasswordLen is the shortest password accepted, in characters.
const MinPasswordLen = 12

// bcryptCost is the work factor of stored password hashes.
const bcryptCost = 11

// ErrBadInput is wrapped by errors about a username, password or role that
// breaks the rules; the message is German and safe to show.
var ErrBadInput = errors.New("desk: ungültige Eingabe")

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// CheckPassword returns an error wrapping ErrBadInput when pw breaks the
// password policy: at least MinPasswordLen characters and at most 72 bytes
// (bcrypt's limit), not only white space.
func CheckPassword(pw string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLen:
		return fmt.Errorf("%w: Das Passwort muss mindestens %d Zeichen lang sein", ErrBadInput, MinPasswordLen)
	case len(pw) > 72:
		return fmt.Errorf("%w: Das Passwort darf höchstens 72 Byte lang sein", ErrBadInput)
	}
	return nil
}

func checkUsername(name string) error {
	if !usernameRE.MatchString(name) {
		return fmt.Errorf("%w: Der Benutzername braucht 2 bis 64 Zeichen: Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich", ErrBadInput)
	}
	return nil
}

func checkRole(role string) error {
	if role != RoleAgent && role != RoleAdmin {
		return fmt.Errorf("%w: Die Rolle muss %q oder %q sein", ErrBadInput, RoleAgent, RoleAdmin)
	}
	return nil
}

func hashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcryptCost)
	if err != nil {
		return "", fmt.Errorf("desk: hash password: %w", err)
	}
	return string(h), nil
}

// AddUser creates a desk account with a bcrypt-hashed password and writes
// an audit entry on behalf of actor (e.g. "cli" or an admin's name).
// A bad username, password or role wraps ErrBadInput; a taken username
// gives ticketing.ErrConflict.
func AddUser(ctx context.Context, st *ticketing.Store, actor, username, password, role string) (ticketing.User, error) {
	if err := checkUsername(username); err != nil {
		return ticketing.User{}, err
	}
	if err := checkRole(role); err != nil {
		return ticketing.User{}, err
	}
	if err := CheckPassword(password); err != nil {
		return ticketing.User{}, err
	}
	h, err := hashPassword(password)
	if err != nil {
		return ticketing.User{}, err
	}
	u, err := st.CreateUser(ctx, ticketing.User{Username: username, PasswordHash: h, Role: role, CreatedAt: time.Now()})
	if err != nil {
		return ticketing.User{}, fmt.Errorf("desk: add user %s: %w", username, err)
	}
	return u, audit(ctx, st, actor, "user.create", userTarget(username), "role "+role)
}

// SetPassword replaces the password of username, lifts a lockout and writes
// an audit entry. An unknown user gives ticketing.ErrNotFound.
func SetPassword(ctx context.Context, st *ticketing.Store, actor, username, password string) error {
	if err := CheckPassword(password); err != nil {
		return err
	}
	u, err := st.GetUserByName(ctx, username)
	if err != nil {
		return fmt.Errorf("desk: set password %s: %w", username, err)
	}
	if u.PasswordHash, err = hashPassword(password); err != nil {
		return err
	}
	u.FailedLogins, u.LockedUntil = 0, time.Time{}
	if err := st.UpdateUser(ctx, u); err != nil {
		return fmt.Errorf("desk: set password %s: %w", username, err)
	}
	return audit(ctx, st, actor, "user.password", userTarget(username), "")
}

// DisableUser disables (disabled true) or re-enables an account and writes
// an audit entry. A disabled user cannot log in, and their sessions end at
// the next request. An unknown user gives ticketing.ErrNotFound.
func DisableUser(ctx context.Context, st *ticketing.Store, actor, username string, disabled bool) error {
	u, err := st.GetUserByName(ctx, username)
	if err != nil {
		return fmt.Errorf("desk: disable user %s: %w", username, err)
	}
	u.Disabled = disabled
	if !disabled {
		u.FailedLogins, u.LockedUntil = 0, time.Time{}
	}
	if err := st.UpdateUser(ctx, u); err != nil {
		return fmt.Errorf("desk: disable user %s: %w", username, err)
	}
	action := "user.disable"
	if !disabled {
		action = "user.enable"
	}
	return audit(ctx, st, actor, action, userTarget(username), "")
}

// SetRole changes the role of username and writes an audit entry.
func SetRole(ctx context.Context, st *ticketing.Store, actor, username, role string) error {
	if err := checkRole(role); err != nil {
		return err
	}
	u, err := st.GetUserByName(ctx, username)
	if err != nil {
		return fmt.Errorf("desk: set role %s: %w", username, err)
	}
	u.Role = role
	if err := st.UpdateUser(ctx, u); err != nil {
		return fmt.Errorf("desk: set role %s: %w", username, err)
	}
	return audit(ctx, st, actor, "user.role", userTarget(username), "role "+role)
}

func userTarget(name string) string { return "user:" + name }

// audit appends an entry for the user helpers; the change is committed
// already, so a failure is reported to the caller as such.
func audit(ctx context.Context, st *ticketing.Store, who, action, target, detail string) error {
	if err := st.Audit(ctx, ticketing.AuditEntry{Who: who, Action: action, Target: target, Detail: detail}); err != nil {
		return fmt.Errorf("desk: %s done, but the audit entry failed: %w", action, err)
	}
	return nil
}
