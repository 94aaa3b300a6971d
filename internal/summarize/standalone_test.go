package summarize

import (
	"testing"

	"github.com/corroborate/corroborate/internal/text"
)

func TestStandalone(t *testing.T) {
	tests := []struct {
		in, want string // want "" when the sentence cannot stand alone
	}{
		{"At least 14 people died when the dam collapsed on Sunday, officials said.", "At least 14 people died when the dam collapsed on Sunday, officials said."},
		{"But Mayor Ilse Varga said more help was needed in the lower town.", "Mayor Ilse Varga said more help was needed in the lower town."},
		{"But the mayor said more help was needed in the lower town.", ""},
		{"However, the council voted to rebuild the bridge by next spring.", "The council voted to rebuild the bridge by next spring."},
		{"In addition, the council voted to rebuild the bridge by next spring.", "The council voted to rebuild the bridge by next spring."},
		{"Still photographs taken from the air show the full extent of the flood.", "Still photographs taken from the air show the full extent of the flood."},
		{"Rescuers searched the lower town through the night, the spokeswoman said.", "Rescuers searched the lower town through the night, the spokeswoman said."},
		{"Rescuers searched the lower town through the night, they told reporters.", "Rescuers searched the lower town through the night."},
		{"The dam had not been inspected for at least two years before the collapse, he said.", "The dam had not been inspected for at least two years before the collapse."},
		// What follows an opening "She said" often leans on the sentence
		// before too ("his client"); such a sentence is printed only after it.
		{"She said the town would rebuild every house within two years.", ""},
		{`"We will rebuild every home in this town," Mayor Ilse Varga said on Monday.`, `"We will rebuild every home in this town," Mayor Ilse Varga said on Monday.`},
		{`"We will rebuild every home in this town," she said on Monday.`, ""},
		{`"We will rebuild every home in this town and more."`, ""},
		{`The mayor said: "We will rebuild every home in this town, and`, ""},
		{"The official said the dam had not been inspected since 2024.", ""},
		{"It was the worst flood the valley had seen in a hundred years.", ""},
		{"They were taken to the hospital in Brume by helicopter on Sunday.", ""},
		{"Will the town ever recover from the flood of the century?", ""},
		{"Media playback is unsupported on your device Media caption Listen to the mayor", ""},
		{"A post shared by the Marrowby council (@marrowby) on Sunday at 10:33am.", ""},
		{"Towards the end of the day the water had reached the church steps ...", ""},
		{"The water rose.", ""},
		{"It's been called the worst flood the valley has seen in a century.", ""},
		{"in the lower town agreed upon by the council and the water authority.", ""},
		{"iPhone owners in Marrowby lost their phone signal for most of Sunday.", "iPhone owners in Marrowby lost their phone signal for most of Sunday."},
		{"Volunteers carry sandbags along the Tessel river in Marrowby, April 14, 2031.", ""},
		{"The dam is pictured from the air after its collapse above the town of Marrowby.", ""},
		{"A rescuer wades through the lower town in this photo released by the council.", ""},
		// An opening phrase whose object points back leans on the sentence
		// before as a pronoun subject does.
		{"Since then, American-Sudanese relations have steadily soured.", ""},
		{"After that, the council voted to rebuild the bridge by next spring.", ""},
		{"Despite this, the council voted to rebuild the bridge by next spring.", ""},
		{"Since 2019, the council has voted to rebuild the bridge twice.", "Since 2019, the council has voted to rebuild the bridge twice."},
		{"After the flood, the council voted to rebuild the bridge by next spring.", "After the flood, the council voted to rebuild the bridge by next spring."},
		// Scripts without case, and those that end a sentence with a mark
		// of their own, hold summary sentences too: a Chinese sentence
		// started on a "lower-case" character and ended on no full stop,
		// so a Chinese story had no summary.
		{"市政府周二关闭了榆树街大桥，此前检查人员发现了一条裂缝。", "市政府周二关闭了榆树街大桥，此前检查人员发现了一条裂缝。"},
		{"東京都は火曜日、検査で亀裂が見つかった橋を閉鎖した。", "東京都は火曜日、検査で亀裂が見つかった橋を閉鎖した。"},
		{"أغلقت السلطات الجسر يوم الثلاثاء بعد أن اكتشف المفتشون صدعا كبيرا فيه.", "أغلقت السلطات الجسر يوم الثلاثاء بعد أن اكتشف المفتشون صدعا كبيرا فيه."},
		{"नगर निगम ने मंगलवार को पुल बंद कर दिया क्योंकि निरीक्षकों को उसमें दरार मिली।", "नगर निगम ने मंगलवार को पुल बंद कर दिया क्योंकि निरीक्षकों को उसमें दरार मिली।"},
	}
	for _, tt := range tests {
		doc := text.Analyze(tt.in)
		if len(doc.Sentences) != 1 {
			t.Fatalf("%q: %d sentences", tt.in, len(doc.Sentences))
		}
		c, ok := standalone(&doc.Sentences[0])
		if got := c.text; !ok && tt.want != "" || ok && got != tt.want {
			t.Errorf("standalone(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
