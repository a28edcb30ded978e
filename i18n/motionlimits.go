package i18n

func init() { register(motionLimitMessages) }

// motionLimitMessages are the refusals of the limits on what one delegate
// puts before the assembly (assembly/motionlimits.go): a motion's title,
// and how many motions and amendments a delegate may have pending at once;
// and the words on a carried amendment that changes no lines.
var motionLimitMessages = []Msg{
	{Key: "the title has %d bytes; a motion's title has at most %d (the text goes in text)",
		En: "#1|one=the title has %[1]d byte; a motion's title has at most %[2]d (the text goes in text)|other=the title has %[1]d bytes; a motion's title has at most %[2]d (the text goes in text)",
		De: "#1|one=der Titel hat %[1]d Byte; der Titel eines Antrags hat höchstens %[2]d (der Wortlaut gehört in text)|other=der Titel hat %[1]d Bytes; der Titel eines Antrags hat höchstens %[2]d (der Wortlaut gehört in text)",
		Ru: "#1|one=в заголовке %[1]d байт; заголовок предложения — не более %[2]d (текст — в поле text)|few=в заголовке %[1]d байта; заголовок предложения — не более %[2]d (текст — в поле text)|many=в заголовке %[1]d байт; заголовок предложения — не более %[2]d (текст — в поле text)|other=в заголовке %[1]d байта; заголовок предложения — не более %[2]d (текст — в поле text)",
		Fr: "#1|one=le titre compte %[1]d octet ; le titre d'une motion en compte au plus %[2]d (le texte va dans text)|other=le titre compte %[1]d octets ; le titre d'une motion en compte au plus %[2]d (le texte va dans text)",
		Es: "#1|one=el título tiene %[1]d byte; el título de una moción tiene como máximo %[2]d (el texto va en text)|other=el título tiene %[1]d bytes; el título de una moción tiene como máximo %[2]d (el texto va en text)"},
	{Key: "motions and amendments of %s pending: %d; the rules allow a delegate at most %d at once (withdraw one, or wait until one is decided)",
		En: "motions and amendments of %s pending: %d; the rules allow a delegate at most %d at once (withdraw one, or wait until one is decided)",
		De: "offene Anträge und Änderungsanträge von %s: %d; die Geschäftsordnung erlaubt einem Delegierten höchstens %d zugleich (einen zurückziehen oder warten, bis einer entschieden ist)",
		Ru: "предложений и поправок %s на рассмотрении: %d; регламент допускает у делегата не более %d одновременно (отзовите одно или дождитесь решения по одному из них)",
		Fr: "motions et amendements de %s en instance : %d ; le règlement en permet au plus %d à la fois à un délégué (retirez-en un, ou attendez qu'il soit statué sur l'un d'eux)",
		Es: "mociones y enmiendas de %s pendientes: %d; el reglamento permite a un delegado como máximo %d a la vez (retire una o espere a que se decida una)"},
	{Key: "the number of motions a delegate may have pending at once is 0 (no limit) to 1000, not %d",
		En: "the number of motions a delegate may have pending at once is 0 (no limit) to 1000, not %d",
		De: "die Zahl der Anträge, die ein Delegierter zugleich offen haben darf, liegt zwischen 0 (unbegrenzt) und 1000, nicht %d",
		Ru: "число предложений, которые делегат может иметь на рассмотрении одновременно, — от 0 (без ограничения) до 1000, а не %d",
		Fr: "le nombre de motions qu'un délégué peut avoir en instance à la fois est de 0 (sans limite) à 1000, pas %d",
		Es: "el número de mociones que un delegado puede tener pendientes a la vez es de 0 (sin límite) a 1000, no %d"},
}

func init() { register(unappliedMessages) }

// unappliedMessages say that a carried amendment stated in words only
// (a text and no change by lines) is not in the text carried or shown.
var unappliedMessages = []Msg{
	{Key: "minutes.vote.unapplied",
		En: "#1|one=The carried amendment %[2]s changes no lines and was not applied to the text.|other=The carried amendments %[2]s change no lines and were not applied to the text.",
		De: "#1|one=Der angenommene Änderungsantrag %[2]s ändert keine Zeilen und wurde nicht in den Text eingearbeitet.|other=Die angenommenen Änderungsanträge %[2]s ändern keine Zeilen und wurden nicht in den Text eingearbeitet.",
		Ru: "#1|one=Принятая поправка %[2]s не изменяет строк и не внесена в текст.|few=Принятые поправки %[2]s не изменяют строк и не внесены в текст.|many=Принятые поправки %[2]s не изменяют строк и не внесены в текст.|other=Принятые поправки %[2]s не изменяют строк и не внесены в текст.",
		Fr: "#1|one=L'amendement adopté %[2]s ne modifie aucune ligne et n'a pas été intégré au texte.|other=Les amendements adoptés %[2]s ne modifient aucune ligne et n'ont pas été intégrés au texte.",
		Es: "#1|one=La enmienda aprobada %[2]s no modifica ninguna línea y no se incorporó al texto.|other=Las enmiendas aprobadas %[2]s no modifican ninguna línea y no se incorporaron al texto."},
}

func init() { register(unappliedPageMessages) }

// unappliedPageMessages: the pages' words on a carried amendment stated in
// words only, and on a motion too long to stand whole on a delegate's page.
var unappliedPageMessages = []Msg{
	{Key: "web.am.unapplied",
		En: "#1|one=The carried amendment %[2]s changes no lines: the text below does not include it.|other=The carried amendments %[2]s change no lines: the text below does not include them.",
		De: "#1|one=Der angenommene Änderungsantrag %[2]s ändert keine Zeilen: der Wortlaut unten enthält ihn nicht.|other=Die angenommenen Änderungsanträge %[2]s ändern keine Zeilen: der Wortlaut unten enthält sie nicht.",
		Ru: "#1|one=Принятая поправка %[2]s не изменяет строк: текст ниже её не содержит.|few=Принятые поправки %[2]s не изменяют строк: текст ниже их не содержит.|many=Принятые поправки %[2]s не изменяют строк: текст ниже их не содержит.|other=Принятые поправки %[2]s не изменяют строк: текст ниже их не содержит.",
		Fr: "#1|one=L'amendement adopté %[2]s ne modifie aucune ligne : le texte ci-dessous ne l'inclut pas.|other=Les amendements adoptés %[2]s ne modifient aucune ligne : le texte ci-dessous ne les inclut pas.",
		Es: "#1|one=La enmienda aprobada %[2]s no modifica ninguna línea: el texto de abajo no la incluye.|other=Las enmiendas aprobadas %[2]s no modifican ninguna línea: el texto de abajo no las incluye."},
	{Key: "web.d.long_motion",
		En: "#1|one=Read the text (%d word) on the motion's page|other=Read the text (%d words) on the motion's page",
		De: "#1|one=Den Wortlaut (%d Wort) auf der Seite des Antrags lesen|other=Den Wortlaut (%d Wörter) auf der Seite des Antrags lesen",
		Ru: "#1|one=Читать текст (%d слово) на странице предложения|few=Читать текст (%d слова) на странице предложения|many=Читать текст (%d слов) на странице предложения|other=Читать текст (%d слова) на странице предложения",
		Fr: "#1|one=Lire le texte (%d mot) sur la page de la motion|other=Lire le texte (%d mots) sur la page de la motion",
		Es: "#1|one=Leer el texto (%d palabra) en la página de la moción|other=Leer el texto (%d palabras) en la página de la moción"},
}
