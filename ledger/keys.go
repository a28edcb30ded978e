package ledger

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// SigningKeyFile is the name of the signing key's file in the data directory.
const SigningKeyFile = "signing.key"

// GenerateKey returns a new Ed25519 signer key and its verifier key in
// the note formats ("PRIVATE+KEY+name+hash+…" and "name+hash+…").
func GenerateKey(name string) (skey, vkey string, err error) {
	if !ValidServerName(name) {
		return "", "", fmt.Errorf("invalid key name %q: use letters, digits, '.', '-' and ':' only", name)
	}
	return note.GenerateKey(rand.Reader, name)
}

// VerifierKey returns the verifier key that belongs to a note signer key.
func VerifierKey(skey string) (string, error) {
	// PRIVATE+KEY+<name>+<hash>+<base64(alg || seed)>
	rest, ok := strings.CutPrefix(strings.TrimSpace(skey), "PRIVATE+KEY+")
	if !ok {
		return "", errors.New("not a signer key: missing PRIVATE+KEY+ prefix")
	}
	parts := strings.SplitN(rest, "+", 3)
	if len(parts) != 3 {
		return "", errors.New("not a signer key: want PRIVATE+KEY+name+hash+key")
	}
	if _, err := note.NewSigner(strings.TrimSpace(skey)); err != nil {
		return "", err
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.SeedSize || raw[0] != 1 {
		return "", errors.New("not an Ed25519 signer key")
	}
	pub := ed25519.NewKeyFromSeed(raw[1:]).Public().(ed25519.PublicKey)
	return note.NewEd25519VerifierKey(parts[0], pub)
}

// LoadOrCreateKey returns the signer stored in dataDir/signing.key and its
// verifier key, first generating a key named name and writing it with mode
// 0600 if the file does not exist. It refuses a key file that others may
// read, and one whose key has another name.
func LoadOrCreateKey(dataDir, name string) (note.Signer, string, error) {
	path := filepath.Join(dataDir, SigningKeyFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		skey, _, err := GenerateKey(name)
		if err != nil {
			return nil, "", err
		}
		switch err := writeKeyFile(path, skey); {
		case errors.Is(err, fs.ErrExist):
			// Another process created the key first: use theirs.
			return LoadOrCreateKey(dataDir, name)
		case err != nil:
			return nil, "", err
		}
		data = []byte(skey)
	} else if err != nil {
		return nil, "", err
	} else if fi, err := os.Stat(path); err != nil {
		return nil, "", err
	} else if fi.Mode().Perm()&0o077 != 0 {
		return nil, "", fmt.Errorf("%s: signing key is readable by others (mode %v); run chmod 600 %s", path, fi.Mode().Perm(), path)
	}
	skey := strings.TrimSpace(string(data))
	signer, err := note.NewSigner(skey)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", path, err)
	}
	if signer.Name() != name {
		return nil, "", fmt.Errorf("%s: signing key is named %q, not %q; use --name %s or another data directory", path, signer.Name(), name, signer.Name())
	}
	vkey, err := VerifierKey(skey)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", path, err)
	}
	return signer, vkey, nil
}

// WriteKeyFile writes a signer key to path with mode 0600, creating the
// directory (mode 0700) if needed; it never overwrites an existing file.
func WriteKeyFile(path, skey string) error { return writeKeyFile(path, skey) }

func writeKeyFile(path, skey string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	// Write the key whole under a temporary name, then link it into place:
	// the link either appears with the complete key or fails because the
	// file exists, so a reader never sees half a key and two writers never
	// both win.
	f, err := os.CreateTemp(dir, ".signing-key-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.WriteString(skey + "\n"); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Link(tmp, path)
}
