package roster_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"plenum/roster"
)

// TestLocalHeaders: a file headed in German, Russian, French or Spanish
// is read column by column, as an organiser's list from a German
// delegation was not (Mitgliedsnummer, Bezirk, Mandat, Stimmen were "not
// read"), and without regard to case and accents.
func TestLocalHeaders(t *testing.T) {
	all := []roster.Field{roster.FieldRef, roster.FieldName, roster.FieldOrganization, roster.FieldKind, roster.FieldWeight, roster.FieldProxy, roster.FieldStatus, ""}
	for _, c := range []struct {
		header string
		want   []roster.Field
	}{
		{"Mitgliedsnummer;Name;Bezirk;Mandat;Stimmen;E-Mail", []roster.Field{roster.FieldRef, roster.FieldName, roster.FieldOrganization, roster.FieldKind, roster.FieldWeight, ""}},
		{"Mitgliedsnr.;Vor- und Nachname;Delegation;Mandatsart;Stimmgewicht;Vollmacht;Status;Telefon", all},
		{"Членский номер;ФИО;Организация;Вид мандата;Число голосов;Доверенность;Статус мандата;Телефон", all},
		{"Numéro de membre;Nom;Délégation;Mandat;Nombre de voix;Procuration;Statut;Téléphone", all},
		{"NUMERO DE MEMBRE;nom et prenom;delegation;type de mandat;VOIX;procuration a;etat;Courriel", all},
		{"Número de afiliado;Nombre y apellidos;Organización;Tipo de credencial;Votos;Apoderado;Estado;Teléfono", all},
		{"nº de socio;NOMBRE;SECCION;Credencial;Número de votos;Poder;Situacion;Correo", all},
	} {
		tab := readText(t, "r.csv", c.header+"\nM1;Ann;X;;1;;;\n")
		if !reflect.DeepEqual(tab.Fields, c.want) {
			t.Errorf("%s:\n fields %q\n want   %q (not read: %q)", c.header, tab.Fields, c.want, tab.Unused())
		}
	}
}

// TestEveryHeaderGivesOneField: every header of every language is read
// as its own column's field, written as listed, in capitals and without
// its accents, and no two columns share a header.
func TestEveryHeaderGivesOneField(t *testing.T) {
	seen := map[string]roster.Field{}
	for _, c := range roster.Columns {
		for _, l := range roster.Languages {
			if len(c.Names(l)) == 0 {
				t.Errorf("the column %s has no header in %s", c.Header, l)
			}
			for _, h := range c.Names(l) {
				k := strings.ToLower(stripAccents(h))
				if f, ok := seen[k]; ok && f != c.Field {
					t.Errorf("%q is a header of %s and of %s", h, f, c.Field)
				}
				seen[k] = c.Field
				for _, v := range []string{h, strings.ToUpper(h), stripAccents(h)} {
					f, ok := roster.HeaderField(v)
					if !ok || f != c.Field {
						t.Errorf("%s: the header %q gives %q, want %q", l, v, f, c.Field)
					}
				}
			}
		}
	}
}

// TestLocalWords: the kinds and statuses written in the five languages
// are read, without regard to case and accents, and no word means two.
func TestLocalWords(t *testing.T) {
	w := congress(t)
	seen := map[string]string{}
	check := func(what, word, want string, got func(*roster.Row) string, header string) {
		t.Helper()
		k := strings.ToLower(stripAccents(word))
		if s, ok := seen[what+k]; ok && s != want {
			t.Errorf("%s %q means %s and %s", what, word, s, want)
		}
		seen[what+k] = want
		for _, v := range []string{word, strings.ToUpper(word), stripAccents(word)} {
			pv := w.planTable(readText(t, "r.csv", "Name,"+header+"\nAnn,"+v+"\n"), "admin", false)
			r := pv.Rows[0]
			if got(r) != want {
				t.Errorf("%s %q read as %q, want %q: %s", what, v, got(r), want, problems(pv))
			}
		}
	}
	for _, k := range roster.KindWords {
		for _, l := range roster.Languages {
			for _, word := range k.Words[l] {
				check("kind", word, k.Value, func(r *roster.Row) string { return r.Kind }, "Kind")
			}
		}
	}
	for _, st := range roster.StatusWords {
		for _, l := range roster.Languages {
			for _, word := range st.Words[l] {
				check("status", word, st.Value, func(r *roster.Row) string {
					if len(r.Problems) > 0 && st.Value != "rejected" {
						return "error"
					}
					return r.Status
				}, "Status")
			}
		}
	}
}

// stripAccents writes s without its combining marks: "Numero" for "Número".
func stripAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if r < 0x300 || r > 0x36f {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// TestSameNameOtherReference: after a first file without references, a
// corrected file with them gives one name twice under two references —
// two persons. The person recorded before is the row from their
// organization (else the first), the other row a new person, and the
// preview says which is which. Before, the second row was refused:
// "this is Ayşe Zürn, as on row 2; one person has one row".
func TestSameNameOtherReference(t *testing.T) {
	for _, c := range []struct {
		name, file  string
		same, other int // rows: the person recorded before, the new one
	}{
		{"first", "Ref,Name,Organization\nM1005,Ayşe Zürn,Teachers' Union\nM1200,Bo Lund,Teachers' Union\nM1100,Ayşe Zürn,Railway Workers' Union\n", 2, 4},
		{"by organization", "Ref,Name,Organization\nM1100,Ayşe Zürn,Railway Workers' Union\nM1200,Bo Lund,Teachers' Union\nM1005,ayşe zürn,Teachers' Union\n", 4, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := congress(t)
			w.record(w.planTable(readText(t, "a.csv", "Name,Organization\nAyşe Zürn,Teachers' Union\nBo Lund,Teachers' Union\n"), "admin", false))
			pv := w.planTable(readText(t, "b.csv", c.file), "admin", false)
			if problems(pv) != "" {
				t.Fatal(problems(pv))
			}
			row := func(n int) *roster.Row { return pv.Rows[n-2] }
			same, other := row(c.same), row(c.other)
			if same.Person != "ayse-zurn" || same.Action != roster.ActionChange || other.Action != roster.ActionAdd || other.Person == "ayse-zurn" {
				t.Fatalf("row %d is %s (%s), row %d %s (%s)", c.same, same.Person, same.Action, c.other, other.Person, other.Action)
			}
			if want := "this row is Ayşe Zürn without a reference, from Teachers' Union, already in the assembly"; !slices.Contains(same.Notes, want) {
				t.Errorf("row %d notes %q, want %q", c.same, same.Notes, want)
			}
			if want := fmt.Sprintf("a new person: %s, of the same name, is row %d; this row's reference differs", same.Name, c.same); !slices.Contains(other.Notes, want) {
				t.Errorf("row %d notes %q, want %q", c.other, other.Notes, want)
			}
			w.record(pv)
			s := w.state()
			a, _ := s.PersonByRef("M1005")
			b, _ := s.PersonByRef("M1100")
			if a == nil || b == nil || a.ID != "ayse-zurn" || b.ID == a.ID {
				t.Fatalf("M1005 is %v, M1100 %v", a, b)
			}
			// Read again, the file changes nothing, and each row is
			// said to be its person.
			pv = w.planTable(readText(t, "b.csv", c.file), "admin", false)
			if problems(pv) != "" || len(pv.Commands) != 0 {
				t.Fatalf("again: %s %d commands", problems(pv), len(pv.Commands))
			}
			for _, r := range pv.Rows {
				if want := `this row is Ayşe Zürn with the reference "M1100", from Railway Workers' Union, already in the assembly`; r.Ref == "M1100" && !slices.Contains(r.Notes, want) {
					t.Errorf("again: row %d notes %q, want %q", r.Number, r.Notes, want)
				}
			}
		})
	}
}

// TestNoOrganizationColumn: a file whose organizations are under a header
// the import does not read, for an assembly that has organizations, is
// said to be read without organizations; a file with the column, or an
// assembly without organizations, is not.
func TestNoOrganizationColumn(t *testing.T) {
	w := congress(t)
	pv := w.planTable(readText(t, "r.csv", "Name,Landesverband\nAnn Weiss,Teachers' Union\n"), "admin", false)
	if !pv.NoOrganizationColumn {
		t.Error("a file without a column of organizations is not said to be one")
	}
	if pv.Rows[0].Organization != "" || problems(pv) != "" {
		t.Fatalf("row: %q %s", pv.Rows[0].Organization, problems(pv))
	}
	pv = w.planTable(readText(t, "r.csv", "Name,Delegation\nAnn Weiss,Teachers' Union\n"), "admin", false)
	if pv.NoOrganizationColumn {
		t.Error("a file with a column of organizations is said to have none")
	}
	// What the warning says: a person's mandate from an organization is
	// changed to a personal one.
	w.record(pv)
	pv = w.planTable(readText(t, "r.csv", "Name,Landesverband\nAnn Weiss,Teachers' Union\n"), "admin", false)
	if got := strings.Join(pv.Rows[0].Changes, "; "); !pv.NoOrganizationColumn || got != "organization Teachers' Union → no organization" {
		t.Errorf("a known person's row without the column: %q", got)
	}
	bare := newWorld(t, filepath.Join(sample, "congress-2026.jsonl"))
	bare.cmds, bare.metas = bare.cmds[:1], bare.metas[:1] // the assembly alone
	if s := bare.state(); len(s.OrgOrder) != 0 {
		t.Fatalf("the first command made organizations: %v", s.OrgOrder)
	}
	pv = bare.planTable(readText(t, "r.csv", "Name\nAnn Weiss\n"), "admin", false)
	if pv.NoOrganizationColumn {
		t.Error("an assembly without organizations is warned of a file without them")
	}
}
