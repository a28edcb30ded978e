package ledger

import (
	"fmt"
	"strings"
)

// DefaultServerName is the server name plenum signs with unless told
// otherwise; it is the first part of every origin and the name of the key.
const DefaultServerName = "plenum.localhost"

// Origin returns the origin line of an assembly's log:
// "<server>/log/<assemblyID>", for example "plenum.localhost/log/march-1917".
// As C2SP tlog-tiles recommends, the origin is the URL prefix under which
// the log is served ("https://<server>/log/<assemblyID>/"), scheme removed.
func Origin(server, assemblyID string) (string, error) {
	if !ValidServerName(server) {
		return "", fmt.Errorf("invalid server name %q: use letters, digits, '.', '-' and ':' only", server)
	}
	if !ValidAssemblyID(assemblyID) {
		return "", fmt.Errorf("invalid assembly id %q: use 1 to 64 letters, digits, '.', '_' and '-', not starting with '.'", assemblyID)
	}
	return server + "/log/" + assemblyID, nil
}

// ParseOrigin splits an origin made by Origin into server name and assembly id.
func ParseOrigin(origin string) (server, assemblyID string, err error) {
	server, assemblyID, ok := strings.Cut(origin, "/log/")
	if !ok || !ValidServerName(server) || !ValidAssemblyID(assemblyID) {
		return "", "", fmt.Errorf("origin %q is not of the form <server>/log/<id>", origin)
	}
	return server, assemblyID, nil
}

// ValidServerName reports whether s can name a server: 1 to 253 letters,
// digits, '.', '-' and ':' (a host name, optionally with a port). It is
// also a valid note key name.
func ValidServerName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}

// ValidAssemblyID reports whether id can name an assembly: 1 to 64
// letters, digits, '.', '_' and '-', not starting with '.'. Such an id is
// safe in a URL path and in a file name.
func ValidAssemblyID(id string) bool {
	if id == "" || len(id) > 64 || id[0] == '.' {
		return false
	}
	for _, c := range []byte(id) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
