from onramp.charts import Group, as_percent, bar_chart


def test_shares_are_drawn_against_a_whole_and_a_missing_one_says_so():
    chart = bar_chart([Group("Check-ins held", [1.0]), Group("Milestones by day 30", [None])], top=1, text=as_percent)
    full, missing = chart.bars
    assert (full.title, full.y + full.height) == ("Check-ins held: 100%", chart.baseline)
    assert full.height == chart.baseline - chart.pad / 2, "a whole reaches the top, leaving room for its value"
    assert (missing.text, missing.height) == ("—", 0)


def test_counts_side_by_side_are_scaled_to_the_largest():
    chart = bar_chart(
        [Group("March 2026", [4, 2], short_label="Mar"), Group("April 2026", [0, 1], short_label="Apr")],
        series=("opened", "closed"),
    )
    opened, closed, *_ = chart.bars
    assert opened.title == "March 2026: 4 opened" and closed.title == "March 2026: 2 closed"
    assert closed.height == opened.height / 2 and closed.x >= opened.x + opened.width
    assert [label.text for label in chart.labels] == ["Mar", "Apr"]


def test_a_long_bar_name_wraps_onto_two_lines_at_a_space():
    chart = bar_chart([Group("Milestones by day 30", [0.5]), Group("Held", [1.0])], top=1)
    assert [label.lines for label in chart.labels] == [["Milestones", "by day 30"], ["Held"]]
