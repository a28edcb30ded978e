package web

import (
	"fmt"
	"net/http"

	"plenum/ledger"
)

// recordFileWriters is how many record files the server writes at once:
// each is a copy of a log on disk, written batch by batch, and readers
// asking for more wait their turn rather than fill the disk and the
// processor with copies.
const recordFileWriters = 2

// recordFileType is the media type IANA registered for SQLite databases.
const recordFileType = "application/vnd.sqlite3"

// recordFileName is the name the record file of assembly id at tree size
// size is saved under; the record page names it in its command.
func recordFileName(id string, size int64) string {
	return fmt.Sprintf("%s-record-%d.db", id, size)
}

// recordFile serves GET /a/{id}/record.db: the record file (package
// recordfile) of the assembly's log at its latest checkpoint, the file
// plenum export --format record writes, for whoever keeps the minutes
// and must check them when this server is gone: plenum verify --db FILE
// --document MINUTES. Only those who may read the record get it, as
// they get the minutes and the log's tiles (httpapi.MayRead).
//
// The file is written once for each checkpoint (and again as witnesses'
// cosignatures of it are stored), into the server's own folder in its
// temporary directory (TMPDIR), and served from there to every reader
// until a newer one is written (recordfile.Cache; a reader may be given
// a newer checkpoint's than the one the log had when they asked):
// a log of a million entries is never held in memory, readers of a
// public record cannot make the server copy it once a request, and at
// most recordFileWriters files are being written at once.
func (s *server) recordFile(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok || !s.mayRead(w, r, a, true) {
		return
	}
	cp, err := ledger.ParseSignedCheckpoint(a.Log().Checkpoint())
	if err != nil {
		s.recordFileFailed(w, r, a.ID(), err)
		return
	}
	if r.Method == http.MethodHead {
		// What a GET would be sent, without writing a copy of the log
		// only to learn its headers (its length is known once written).
		setRecordFileHeaders(w.Header(), recordFileName(a.ID(), cp.Size))
		return
	}
	f, err := s.records.Open(r.Context(), cp.Origin, cp.Size)
	if err != nil {
		if r.Context().Err() == nil {
			s.recordFileFailed(w, r, a.ID(), err)
		}
		return
	}
	defer f.Close()
	// The file may be of a newer checkpoint, written meanwhile.
	setRecordFileHeaders(w.Header(), recordFileName(a.ID(), f.TreeSize))
	http.ServeContent(w, r, "", timeZero, f)
}

// Close removes the record files the server keeps, ending those being
// written: the handler New returns is an io.Closer, to close once it
// serves no more. A record file asked for after is refused.
func (s *server) Close() error {
	return s.records.Close()
}

// setRecordFileHeaders sets the headers of the record file saved as name.
func setRecordFileHeaders(h http.Header, name string) {
	h.Set("Content-Type", recordFileType)
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	h.Set("Cache-Control", "no-cache")
}

// recordFileFailed logs why the record file could not be written and
// tells the reader so.
func (s *server) recordFileFailed(w http.ResponseWriter, r *http.Request, id string, err error) {
	s.opts.Logger.Error("web: record file", "assembly", id, "err", err)
	a, _ := s.eng.Assembly(id)
	plainError(w, r, a, http.StatusInternalServerError, "web.http.record_file_failed")
}

// RecordFileName is the name the record file of the page's assembly, at
// the page's tree size, is saved under (recordFileName).
func (v *view) RecordFileName() string { return recordFileName(v.ID, v.Size) }
