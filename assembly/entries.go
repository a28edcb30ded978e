package assembly

// aboutOf is the vote and the motion an event is about, as its own
// struct names them (its fields Vote and Motion; "" where it has none).
// Every event type with either field is listed here: TestAboutOfEveryEvent
// checks the list against the types' fields, so that an event type added
// with a field Vote or Motion is not left out.
func aboutOf(e Event) (vote, motion string) {
	switch e := e.(type) {
	case BallotCast:
		return e.Vote, ""
	case VoteOpened:
		return e.Vote, e.Motion
	case VoteClosed:
		return e.Vote, ""
	case SealedBallots:
		return e.Vote, ""
	case CountEntered:
		return e.Vote, ""
	case ResultDeclared:
		return e.Vote, ""
	case VoteWithdrawn:
		return e.Vote, ""
	case MinutesApproved:
		return e.Vote, ""
	case ResolutionConsolidated:
		return e.Vote, e.Motion
	case EncryptedBallotCast:
		return e.Vote, ""
	case ConfirmationPosted:
		return e.Vote, ""
	case DealingPosted:
		return e.Vote, ""
	case ElectionKeyDerived:
		return e.Vote, ""
	case EncryptedResultDerived:
		return e.Vote, ""
	case EncryptedTallied:
		return e.Vote, ""
	case PartialDecryptionPosted:
		return e.Vote, ""
	case TrusteeKeyPosted:
		return e.Vote, ""
	case ChangeRecommended:
		return "", e.Motion
	case FloorGiven:
		return "", e.Motion
	case MotionClassified:
		return "", e.Motion
	case MotionDisposed:
		return "", e.Motion
	case MotionRecommended:
		return "", e.Motion
	case MotionReopened:
		return "", e.Motion
	case MotionSeconded:
		return "", e.Motion
	case MotionStateSet:
		return "", e.Motion
	case MotionSupportWithdrawn:
		return "", e.Motion
	case MotionSupported:
		return "", e.Motion
	case MotionWithdrawn:
		return "", e.Motion
	case SpeakingTimeSet:
		return "", e.Motion
	}
	return "", ""
}

// noteEntries adds the entry being applied (e, applied) to the Entries
// of the vote and of the motion it names: whatever its type, an event
// that names a vote or a motion by its field vote or motion is of it.
// A motion's certified excerpt holds these (httpapi's excerpt): the
// vote's ballots, close, sealed ballots and every count entered are not
// in the minutes' Record, and its declaration rests on them.
func (s *State) noteEntries(e Event) {
	vote, motion := aboutOf(e)
	if v := s.Votes[vote]; v != nil {
		v.Entries = append(v.Entries, int64(s.Events))
	}
	if mo := s.Motions[motion]; mo != nil {
		mo.Entries = append(mo.Entries, int64(s.Events))
	}
}
