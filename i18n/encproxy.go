package i18n

func init() { register(encProxyMessages) }

// encProxyMessages are the words of a proxy's encrypted ballots: what the
// delegate's page says of the ballot they cast for a mandate they carry
// where they may cast it anew, and the refusal of a new ballot that would
// replace another's ballot for the same mandate where an encrypted vote
// or election allows re-voting (assembly's secondBallot), keyed by its
// English template byte for byte.
var encProxyMessages = []Msg{
	{Key: "web.pb.enc_revote", En: "You have voted with this mandate; until the vote closes you may cast a new ballot for it, and the last one counts.",
		De: "Sie haben mit diesem Mandat abgestimmt; bis zum Schluss können Sie dafür einen neuen Stimmzettel abgeben, und der letzte zählt.",
		Ru: "Вы проголосовали по этому мандату; до закрытия голосования вы можете подать по нему новый бюллетень, и засчитывается последний.",
		Fr: "Vous avez voté avec ce mandat ; jusqu'à la clôture, vous pouvez déposer un nouveau bulletin pour lui, et c'est le dernier qui compte.",
		Es: "Ya ha votado con esta credencial; hasta el cierre puede emitir una nueva papeleta por ella, y cuenta la última."},
	{Key: "the ballot of the mandate %s in %s was cast by %s, and a new ballot replaces only its caster's own", En: "the ballot of the mandate %s in %s was cast by %s, and a new ballot replaces only its caster's own",
		De: "der Stimmzettel des Mandats %s in %s wurde von %s abgegeben, und ein neuer Stimmzettel ersetzt nur den eigenen",
		Ru: "бюллетень по мандату %s в %s подал(а) %s, а новый бюллетень заменяет только собственный бюллетень подавшего",
		Fr: "le bulletin du mandat %s dans %s a été déposé par %s, et un nouveau bulletin ne remplace que celui de la personne qui l'a déposé",
		Es: "la papeleta de la credencial %s en %s la emitió %s, y una nueva papeleta solo reemplaza la que emitió uno mismo"},
	{Key: "the ballot of the mandate %s in the election %s was cast by %s, and a new ballot replaces only its caster's own", En: "the ballot of the mandate %s in the election %s was cast by %s, and a new ballot replaces only its caster's own",
		De: "der Stimmzettel des Mandats %s in der Wahl %s wurde von %s abgegeben, und ein neuer Stimmzettel ersetzt nur den eigenen",
		Ru: "бюллетень по мандату %s на выборах %s подал(а) %s, а новый бюллетень заменяет только собственный бюллетень подавшего",
		Fr: "le bulletin du mandat %s dans l'élection %s a été déposé par %s, et un nouveau bulletin ne remplace que celui de la personne qui l'a déposé",
		Es: "la papeleta de la credencial %s en la elección %s la emitió %s, y una nueva papeleta solo reemplaza la que emitió uno mismo"},
}
