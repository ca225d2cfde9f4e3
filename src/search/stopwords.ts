/**
 * German function words that carry no topic. Kept short on purpose: words such as
 * "arbeit" or "stadt" are content here. Matching happens after lower-casing.
 */
export const germanStopwords: ReadonlySet<string> = new Set(
  `aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bin bis
  bist da damit dann das dass dasselbe dazu dein deine dem den denn der des dessen deshalb die dies diese dieselbe diesem diesen
  dieser dieses doch dort du durch ein eine einem einen einer eines einige einmal er es etwas euch euer eure für gegen
  gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem
  ins ist ja jede jedem jeden jeder jedes jene jetzt kann kein keine keinem keinen können könnte machen man manche mich mir
  mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche
  soll sollte sondern sonst über um und uns unser unsere unter vom von vor wann war waren warum was weil welche welchem welchen
  welcher welches wenn wer werde werden wie wieder will wir wird wo wollen wollte würde würden zu zum zur zwar zwischen`
    .split(/\s+/)
    .filter(Boolean),
);
