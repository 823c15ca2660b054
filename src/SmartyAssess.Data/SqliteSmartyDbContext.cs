using Microsoft.EntityFrameworkCore;

namespace SmartyAssess.Data;

public sealed class SqliteSmartyDbContext(DbContextOptions<SqliteSmartyDbContext> options) : SmartyDbContext(options);
