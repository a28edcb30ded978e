// Package roster reads an assembly's roster — its delegates, their
// organizations and mandates — from a spreadsheet (CSV or XLSX), checks
// every row, and says which commands of package assembly make the
// assembly's record match the file; and it writes the roster back as a
// spreadsheet that reads in again to no change.
//
// Reading a roster is three steps:
//
//   - Read (ReadCSV, ReadXLSX) finds the header row and the columns by their
//     English names and aliases (Columns), and returns the rows as text;
//   - Plan matches every row against the assembly (a person by the
//     reference column, else by name; an organization by name), checks it,
//     and decides the commands that add or amend what differs; every
//     command is then rehearsed on a fresh copy of the state, so that the
//     rules of procedure themselves say what they refuse, and a refusal is
//     reported on its row and column;
//   - the caller records Preview.Commands as one batch (engine
//     Assembly.SubmitAll), or shows the Preview and records nothing.
//
// Nobody types an internal id: Plan makes the ids of new persons,
// organizations and mandates from their names (NewID), deterministically.
// Nothing is deleted: a person of the assembly missing from the file is
// listed in Preview.Missing for the mandate commission to decide.
//
// docs/import.md describes the columns and the rules for users.
package roster
