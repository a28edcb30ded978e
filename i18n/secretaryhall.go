package i18n

func init() { register(secretaryHallMessages) }

// secretaryHallMessages are the words that lead the secretary to the
// hall tab, where those leaving and returning to the hall are recorded,
// and back to the secretariat from it.
var secretaryHallMessages = []Msg{
	{Key: "web.s.hall_link", En: "The hall: who is present, who leaves and who returns", De: "Der Saal: wer anwesend ist, wer hinausgeht und wer zurückkommt", Ru: "Зал: кто присутствует, кто выходит и кто возвращается", Fr: "La salle : qui est présent, qui sort et qui revient", Es: "La sala: quién está presente, quién sale y quién vuelve"},
	{Key: "web.s.pages", En: "The secretary's pages", De: "Seiten der Schriftführung", Ru: "Страницы секретаря", Fr: "Pages du secrétariat", Es: "Páginas de la secretaría"},
}
