// Package tally does the counting of an assembly: whether a motion is
// carried, whether a sitting is quorate, and who is elected to a committee,
// presidium or delegation.
//
// Every result shows its working. A decision carries its arithmetic as a
// sentence ("74 for, 66 against, 140 cast; 71 needed; carried"); an election
// carries its stages (the count sheet), the tie-breaks it made and the seed
// of any lot it drew, so that anyone can check it by hand or reproduce it.
//
// Arithmetic is exact. Votes and weights are Decimal values, fixed-point
// numbers with nine places after the point; no floating point enters a
// result. Scottish STV counts in units of 0.00001 with transfer values
// truncated to five places, as the Scottish Local Government Elections Order
// 2007 (SSI 2007/42, Schedule 1, rules 45–52) prescribes.
//
// The methods are:
//
//   - plurality: block vote; each ballot gives one vote (times its weight)
//     to each of its first N ranked candidates, N being the number of seats.
//   - approval: each ballot gives one vote to every candidate it ranks.
//   - dhondt, sainte-lague, sainte-lague-modified, hare: party-list
//     apportionment. Use Apportion with votes per list; given ranked ballots
//     (Count), each candidate is treated as a list of its own holding its
//     first-preference votes, and a list may win more than one seat.
//   - irv: instant-runoff, the one-seat case of STV.
//   - stv-scottish: single transferable vote under SSI 2007/42.
//   - stv-meek: Meek's method as the PR Foundation's Meek reference rule
//     states it (Hill, Wichmann and Woodall, Algorithm 123, 1987), with
//     nine-place fixed-point arithmetic.
//   - stv-ers97: STV under the Electoral Reform Society's 1997 rules, in
//     hundredths of a vote.
//   - schulze: the Schulze method (Social Choice and Welfare 36, 2011); with
//     several seats, the first of its ranking.
//
// Every count is made under a version of the counting rules (Rules):
// Count, Apportion and Decide count under the latest, CountBy,
// ApportionBy and DecideBy under the version a record names, so that a
// record is counted again as it was counted. A change to what a method
// returns is a new version, and the earlier versions stay as they were
// (the rule is Rules'; testdata/rules holds each version's golden file).
//
// Ballots are read from the BLT format (ReadBLT), the PrefLib formats .soc,
// .soi and .toi (ReadPrefLib) and a plain CSV table (ReadCSV).
//
// The package depends on the standard library only.
package tally
