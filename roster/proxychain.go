package roster

import "plenum/assembly"

// noteProxyChains notes, on the rows of the file, the proxies that do not
// pass on: a person who gives their own mandate by proxy while carrying
// others' mandates by proxy leaves those others uncarried whenever they
// are absent, for the proxy of a mandate exercises it only in person
// (assembly.State's holder), never through their own proxy. The rules
// allow such a chain, so it is a note, not a problem: on the row of the
// person who gives their mandate, and on the rows of the mandates they
// carry. s is the assembly as the import leaves it.
func (p *plan) noteProxyChains(s *assembly.State) {
	carries := map[string]List{} // a person → the holders of the mandates they carry
	gives := map[string]string{} // a person → the proxy of their own mandate
	for _, id := range s.MandateOrder {
		md := s.Mandates[id]
		if md.Proxy == "" || md.Status == assembly.MandateStatusRejected {
			continue
		}
		carries[md.Proxy] = append(carries[md.Proxy], nameOf(s, md.Person))
		gives[md.Person] = md.Proxy
	}
	for i, r := range p.rows {
		if p.bad(i) || r.Person == "" {
			continue
		}
		if to, ok := gives[r.Person]; ok && len(carries[r.Person]) > 0 {
			p.note(i, "%s gives their own mandate by proxy to %s and carries the mandates of %s by proxy: while %s is absent, those are not carried, for a proxy does not pass on to the proxy's own proxy", r.Name, nameOf(s, to), carries[r.Person], r.Name)
		}
		md := s.Mandates[r.Mandate]
		if md == nil || md.Proxy == "" {
			continue
		}
		if to, ok := gives[md.Proxy]; ok {
			holder := nameOf(s, md.Proxy)
			p.note(i, "%s, who carries this mandate by proxy, gives their own by proxy to %s: while %s is absent, this mandate is not carried", holder, nameOf(s, to), holder)
		}
	}
}
