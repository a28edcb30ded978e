package web

import (
	"html/template"

	"plenum/assembly"
)

// ProxiesCarried are the persons whose mandates person carries by proxy
// (not rejected), as the person page warns of them: given by proxy, that
// person's own mandate does not take them along, and while they are
// absent those mandates are not carried (a proxy does not pass on to the
// proxy's own proxy). The rules allow the chain; the page says it.
func (v *view) ProxiesCarried(person string) []string {
	var out []string
	for _, id := range v.S.MandateOrder {
		if md := v.S.Mandates[id]; md.Proxy == person && md.Status != assembly.MandateStatusRejected {
			out = append(out, md.Person)
		}
	}
	return out
}

// ProxyOfProxy is, for a mandate carried by proxy, the person to whom
// its proxy has given their own mandate by proxy ("" if none): while the
// proxy is absent, the mandate is not carried.
func (v *view) ProxyOfProxy(md *assembly.Mandate) string {
	if md.Proxy == "" {
		return ""
	}
	for _, id := range v.S.Persons[md.Proxy].Mandates {
		if own := v.S.Mandates[id]; own.Proxy != "" && own.Status != assembly.MandateStatusRejected {
			return own.Proxy
		}
	}
	return ""
}

// ProxyChainWarning is the person page's warning under one of person's
// mandates md where a proxy does not pass on: md is given by proxy while
// person carries others' mandates, or md's proxy has given their own
// mandate by proxy.
func (v *view) ProxyChainWarning(person string, md *assembly.Mandate) template.HTML {
	if md.Status != assembly.MandateStatusVerified {
		return ""
	}
	var out template.HTML
	if md.Proxy != "" {
		out += v.carriesWarning(person, "proxy-chain")
	}
	if to := v.ProxyOfProxy(md); to != "" {
		name := bdi(v.Name(md.Proxy))
		out += `<p class="meta proxy-chain">` + tr(v.L, "web.pc.holder_gave", name, bdi(v.Name(to)), name) + `</p>`
	}
	return out
}

// ProxyFormWarning is the warning in the form that gives person's
// mandate md by proxy, before it is given, where person carries others'
// mandates: given, theirs are not carried while person is absent.
func (v *view) ProxyFormWarning(person string, md *assembly.Mandate) template.HTML {
	if md.Proxy != "" {
		return "" // the warning stands under the mandate (ProxyChainWarning)
	}
	return v.carriesWarning(person, "proxy-chain-form")
}

// carriesWarning says, in a paragraph of class class, whose mandates
// person carries by proxy, and that they do not pass on; "" if none.
func (v *view) carriesWarning(person, class string) template.HTML {
	carried := v.ProxiesCarried(person)
	if len(carried) == 0 {
		return ""
	}
	name := bdi(v.Name(person))
	return `<p class="meta ` + template.HTML(class) + `">` + tr(v.L, "web.pc.carries", name, v.Names(carried), name) + `</p>`
}
