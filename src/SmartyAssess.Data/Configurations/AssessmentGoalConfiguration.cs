using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class AssessmentGoalConfiguration : IEntityTypeConfiguration<AssessmentGoal>
{
    public void Configure(EntityTypeBuilder<AssessmentGoal> builder)
    {
        builder.ToTable("AssessmentGoals");
        builder.HasKey(g => new { g.AssessmentId, g.GoalId });
        builder.Property(g => g.GoalId).HasMaxLength(64);
    }
}
